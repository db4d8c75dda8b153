package org.tipx.directory.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.tipx.shared.Actor;

/**
 * A person who must change their password is sent to do so; anyone else denied a page gets the 403 page.
 */
class PasswordChangeRedirect implements AccessDeniedHandler {

	private final AccessDeniedHandler fallback = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, jakarta.servlet.ServletException {
		if (Actor.mustChangePassword()) {
			response.sendRedirect(request.getContextPath() + "/account/password?required");
			return;
		}
		fallback.handle(request, response, denied);
	}
}
