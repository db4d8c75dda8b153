package org.tipx.directory;

import java.util.Arrays;
import java.util.List;

/**
 * What an account may do. ADMIN manages everything; ORG_ADMIN manages the accounts of its own organisation.
 */
public enum Role {
	ADMIN, ORG_ADMIN, SCREENER, CASE_WORKER, ANALYST, INVESTIGATOR, MODERATOR, FOCAL_POINT, RESEARCHER;

	/** The Spring Security authority, e.g. {@code ROLE_ANALYST}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}
}
