package org.tipx.screening.web;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tipx.shared.InvalidInputException;

/**
 * Whose finished screenings a reader sees: an organisation's administrator sees the whole organisation's unless they
 * ask for their own ({@code mine=true}); anyone else sees only their own, whatever they ask. Another organisation's
 * screenings are never listed.
 */
final class ScreeningScope {

	private ScreeningScope() {
	}

	/**
	 * Whether the list covers the whole organisation.
	 *
	 * @param mine {@code true}, {@code false} or absent
	 * @throws InvalidInputException naming {@code mine} when it is something else
	 */
	static boolean organisationWide(String mine) {
		boolean onlyMine;
		if (mine == null || mine.isBlank()) {
			onlyMine = false;
		}
		else {
			String given = mine.strip().toLowerCase(Locale.ROOT);
			if (!given.equals("true") && !given.equals("false")) {
				throw new InvalidInputException("mine", "is true or false");
			}
			onlyMine = given.equals("true");
		}
		return !onlyMine && isOrganisationAdmin();
	}

	static boolean isOrganisationAdmin() {
		return hasRole("ROLE_ORG_ADMIN");
	}

	static boolean isScreener() {
		return hasRole("ROLE_SCREENER");
	}

	private static boolean hasRole(String authority) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}
}
