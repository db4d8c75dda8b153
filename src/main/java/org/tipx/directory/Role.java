package org.tipx.directory;

import java.util.Arrays;
import java.util.List;

/**
 * What an account may do. What each role means is written once, for people, in the message bundles: {@code role.<NAME>}
 * (its name) and {@code role.<NAME>.summary} (what it is for), which the home page and the account pages show and
 * MessageBundlesTests requires for every role.
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
