package org.tipx.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit entries to show; every part is optional (null: no filter).
 *
 * @param actionPrefix entries whose action starts with this, e.g. {@code account.}
 * @param actor entries by this username, any case
 * @param from entries at or after this instant
 * @param until entries before this instant
 * @param organisationId entries whose actor belonged to this organisation when acting
 */
public record AuditQuery(String actionPrefix, String actor, Instant from, Instant until, UUID organisationId) {

	public AuditQuery {
		if (from != null && until != null && until.isBefore(from)) {
			throw new IllegalArgumentException("until is before from");
		}
	}
}
