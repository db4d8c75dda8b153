package org.tipx.cases.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The case roles of the person making the current request: a case worker works on cases, an organisation's
 * administrator supervises them (approves assessment, plans and closure). Machine tokens hold neither.
 */
record CaseRoles(boolean caseWorker, boolean supervisor) {

	static CaseRoles current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return new CaseRoles(false, false);
		}
		boolean person = has(authentication, "ACCOUNT");
		return new CaseRoles(person && has(authentication, "ROLE_CASE_WORKER"),
				person && has(authentication, "ROLE_ORG_ADMIN"));
	}

	boolean any() {
		return caseWorker || supervisor;
	}

	private static boolean has(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}
}
