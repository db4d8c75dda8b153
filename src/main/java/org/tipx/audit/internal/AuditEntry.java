package org.tipx.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored link of the chain.
 */
public record AuditEntry(long seq, Instant at, String actor, UUID actorId, UUID organisationId, String action,
		String objectType, String objectId, String outcome, String detail, String prevHash, String hash) {
}
