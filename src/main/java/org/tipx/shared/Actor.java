package org.tipx.shared;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: a person's account or an organisation's machine token. The directory module puts an Actor in the
 * security context; any module reads it from there to authorise and to audit.
 */
public interface Actor {

	/** The only authority of a person whose password was reset by an administrator, until they change it. */
	String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	/** Whether the current request comes from a person who must change their password first. */
	static boolean mustChangePassword() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities().stream()
				.anyMatch(a -> PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
	}

	/** The account id; empty for machine tokens, which act for an organisation. */
	Optional<UUID> accountId();

	/** The name shown in the audit trail: the username, or {@code machine:<token name>}. */
	String name();

	/**
	 * Who this is, for per-caller limits: the account for a person (whether by session or personal token), the token
	 * or device otherwise. Unlike {@link #name()}, no two callers share it.
	 */
	String identity();

	UUID organisationId();

	/** The actor of the current request, if one is authenticated. */
	static Optional<Actor> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		return Optional.empty();
	}
}
