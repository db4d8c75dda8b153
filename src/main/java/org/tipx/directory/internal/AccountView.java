package org.tipx.directory.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.tipx.directory.Role;

/**
 * An account as shown to those who manage it: no password hash.
 */
public record AccountView(UUID id, String username, String displayName, UUID organisationId, Set<Role> roles,
		boolean active, boolean mustChangePassword, boolean locked, Instant lockedUntil, Instant createdAt,
		Instant deactivatedAt, String deactivationReason) {

	static AccountView of(StoredAccount a, Instant now) {
		return new AccountView(a.id(), a.username(), a.displayName(), a.organisationId(), a.roles(), a.active(),
				a.mustChangePassword(), a.lockedAt(now), a.lockedAt(now) ? a.lockedUntil() : null, a.createdAt(),
				a.deactivatedAt(), a.deactivationReason());
	}
}
