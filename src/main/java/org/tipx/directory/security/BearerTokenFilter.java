package org.tipx.directory.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.internal.TokenIssuer;
import org.tipx.shared.UnavailableException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates API calls by {@code Authorization: Bearer <token>}. A present but unknown, expired or revoked token is
 * refused at once (401) rather than treated as anonymous. Every use of a token is audited, and no answer leaves
 * before its entry is committed ({@link AuditedResponse}).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final TokenIssuer tokens;

	private final AuditTrail audit;

	private final JsonMapper json;

	BearerTokenFilter(TokenIssuer tokens, AuditTrail audit, JsonMapper json) {
		this.tokens = tokens;
		this.audit = audit;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		var principal = tokens.authenticate(header.substring(BEARER.length()).strip());
		if (principal.isEmpty()) {
			audit.recordFor("anonymous", AuditRecord.denied("token.use", "api_token", null,
					"unknown, expired or revoked token on " + request.getMethod() + " " + request.getRequestURI()));
			ProblemResponses.write(json, response, HttpStatus.UNAUTHORIZED,
					"The bearer token is unknown, expired or revoked: request a new one at POST /api/v1/auth/token");
			return;
		}
		TipxPrincipal caller = principal.get();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.authorities()));
		SecurityContextHolder.setContext(context);
		try {
			// queued, not waited for: its commit overlaps the request, usually sharing a group with the handler's own
			// entry, and the response lets nothing out before it is committed (one audit wait per call, not two)
			AuditedResponse audited = new AuditedResponse(response, audit.queue(new AuditRecord("token.use",
					"api_token", caller.tokenId().toString(), AuditRecord.Outcome.SUCCESS,
					request.getMethod() + " " + request.getRequestURI())));
			try {
				chain.doFilter(request, audited);
			}
			finally {
				settle(audited, response);
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * A handler that wrote nothing (a status only) has not waited for the entry: wait now, and refuse the answer if the
	 * entry could not be committed and nothing has been sent.
	 */
	private void settle(AuditedResponse audited, HttpServletResponse response) throws IOException {
		try {
			audited.awaitEntry();
		}
		catch (UnavailableException e) {
			// handled below
		}
		if (audited.refused() && !response.isCommitted() && response.getStatus() < 500) {
			response.reset();
			response.setHeader("Retry-After", "5");
			ProblemResponses.write(json, response, HttpStatus.SERVICE_UNAVAILABLE, "This request could not be recorded"
					+ " in the audit trail, so it is not answered; try again shortly");
		}
	}
}
