package org.tipx.directory.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.internal.AccountStore;
import org.tipx.directory.internal.StoredAccount;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes every request of a browser session act as the account is now, not as it was at login, at the cost of one
 * primary-key read. The session ends when the account was deactivated or an administrator reset its password (its
 * security stamp moved on), or when the password a must-change session was opened with has since been changed
 * elsewhere. A change of roles does not end the session: the session carries the current roles from this request on.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

	/** Where a person whose session ended is sent; the login page says why. */
	static final String ENDED = "/login?ended";

	private final AccountStore accounts;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	CurrentAccountFilter(AccountStore accounts, AuditTrail audit, JsonMapper json) {
		this.accounts = accounts;
		this.audit = audit;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof TipxPrincipal principal)
				|| !principal.session()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<StoredAccount> current = accounts.find(principal.account());
		Optional<String> ended = current.isEmpty() ? Optional.of("account no longer exists")
				: whySessionEnds(principal, current.get());
		if (ended.isPresent()) {
			end(principal, ended.get(), request, response);
			return;
		}
		StoredAccount account = current.get();
		if (!account.roles().equals(principal.roles())) {
			refresh(principal.withAccountState(account.roles(), account.mustChangePassword()), request, response);
		}
		chain.doFilter(request, response);
	}

	private static Optional<String> whySessionEnds(TipxPrincipal principal, StoredAccount account) {
		if (!account.active()) {
			return Optional.of("account deactivated");
		}
		if (account.securityStamp() != principal.securityStamp()) {
			return Optional.of("password reset or account deactivated since login");
		}
		if (account.mustChangePassword() != principal.mustChangePassword()) {
			// A temporary password may be known to someone else: once the owner has replaced it, sessions opened
			// with it must not inherit the owner's roles.
			return Optional.of("password changed in another session");
		}
		return Optional.empty();
	}

	/** Roles are re-read rather than the session ended: removal takes effect now, and the person loses no work. */
	private void refresh(TipxPrincipal renewed, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renewed, null,
				renewed.authorities()));
		SecurityContextHolder.setContext(context);
		sessions.saveContext(context, request, response);
	}

	private void end(TipxPrincipal principal, String why, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		audit.recordFor(principal.name(), principal.account(), principal.organisationId(),
				AuditRecord.denied("session.end", "account", principal.account(),
						why + "; refused " + request.getMethod() + " " + request.getRequestURI()));
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		String login = request.getContextPath() + ENDED;
		if ("true".equals(request.getHeader("HX-Request"))) {
			// htmx would swap the login page into a fragment; it follows this header with a full page load instead.
			response.setHeader("HX-Redirect", login);
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		}
		else if (wantsPage(request)) {
			response.sendRedirect(login);
		}
		else {
			ProblemResponses.write(json, response, HttpStatus.UNAUTHORIZED,
					"Your session has ended because your account changed: log in again");
		}
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept == null || accept.contains("text/html");
	}
}
