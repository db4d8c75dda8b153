package org.tipx.directory.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.directory.Role;
import org.tipx.directory.security.TipxPrincipal;
import org.tipx.shared.InvalidInputException;

/**
 * Parses role names from requests, naming the offending entry; says which roles a caller may grant and which roles
 * serve a module whose pages are not built yet.
 */
final class Roles {

	/**
	 * Roles whose own module is not built yet, with the bundle key of that module's name (the home page's "coming"
	 * entries). Such a role can be granted, and may already reach shared work (signals), but its own pages are to come.
	 */
	static final Map<Role, String> AWAITING_MODULE = Map.of(Role.RESEARCHER, "home.coming.insights");

	private Roles() {
	}

	static Set<Role> parse(List<String> names) {
		if (names == null) {
			return null;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			try {
				roles.add(Role.valueOf(name == null ? "" : name.strip()));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("roles[" + i + "]", "'" + name + "' is not one of " + Role.names());
			}
		}
		return roles;
	}

	/** An ORG_ADMIN may not grant ADMIN, so is not offered it. */
	static List<Role> grantableBy(TipxPrincipal caller) {
		return Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN || caller.has(Role.ADMIN)).toList();
	}
}
