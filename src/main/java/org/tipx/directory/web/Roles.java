package org.tipx.directory.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.tipx.directory.Role;
import org.tipx.shared.InvalidInputException;

/**
 * Parses role names from requests, naming the offending entry.
 */
final class Roles {

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
}
