package org.tipx.directory.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.tipx.shared.Actor;

/**
 * A person who must change their password is sent to do so; anyone else denied a page gets the 403 page, which says
 * so when the refusal was of a form whose CSRF token was missing or had expired with the session.
 */
class PasswordChangeRedirect implements AccessDeniedHandler {

	/** Request attribute the error page reads. */
	static final String FORM_EXPIRED = "tipxFormExpired";

	private final AccessDeniedHandler fallback = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, jakarta.servlet.ServletException {
		if (Actor.mustChangePassword()) {
			response.sendRedirect(request.getContextPath() + "/account/password?required");
			return;
		}
		if (denied instanceof CsrfException) {
			request.setAttribute(FORM_EXPIRED, Boolean.TRUE);
		}
		fallback.handle(request, response, denied);
	}
}
