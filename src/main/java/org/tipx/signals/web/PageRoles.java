package org.tipx.signals.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whether the signed-in person holds a role, so a page offers only the actions its controller will allow.
 */
final class PageRoles {

	private PageRoles() {
	}

	static boolean has(String role) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities().stream()
				.anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
	}
}
