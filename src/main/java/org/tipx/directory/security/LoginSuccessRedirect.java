package org.tipx.directory.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After login: to the password change page if an administrator reset the password, else where the user was going.
 */
class LoginSuccessRedirect extends SavedRequestAwareAuthenticationSuccessHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (authentication.getPrincipal() instanceof TipxPrincipal principal && principal.mustChangePassword()) {
			response.sendRedirect(request.getContextPath() + "/account/password?required");
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
