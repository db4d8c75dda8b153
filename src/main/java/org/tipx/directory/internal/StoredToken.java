package org.tipx.directory.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A token row (never the secret itself, which is shown once and kept only as a hash).
 */
public record StoredToken(UUID id, Kind kind, UUID accountId, UUID organisationId, String name, Set<String> scopes,
		UUID createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

	public boolean usableAt(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now);
	}

	/** A person's login token, or an organisation's integration token with scopes. */
	public enum Kind {
		PERSONAL, MACHINE
	}
}
