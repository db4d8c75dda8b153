package org.tipx.directory.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.tipx.directory.Role;

/**
 * An account row as stored, password hash included; never leaves the directory module.
 *
 * @param securityStamp moves on whenever the account's open browser sessions must end
 */
public record StoredAccount(UUID id, String username, String displayName, String passwordHash, UUID organisationId,
		Set<Role> roles, boolean active, boolean mustChangePassword, int failedLogins, Instant lockedUntil,
		Instant createdAt, Instant deactivatedAt, String deactivationReason, long securityStamp) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}
}
