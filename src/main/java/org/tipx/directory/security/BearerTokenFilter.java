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
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates API calls by {@code Authorization: Bearer <token>}. A present but unknown, expired or revoked token is
 * refused at once (401) rather than treated as anonymous. Every use of a token is audited.
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
			audit.record(new AuditRecord("token.use", "api_token", caller.tokenId().toString(),
					AuditRecord.Outcome.SUCCESS, request.getMethod() + " " + request.getRequestURI()));
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
