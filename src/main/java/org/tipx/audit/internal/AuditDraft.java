package org.tipx.audit.internal;

import java.util.Objects;
import java.util.UUID;

/**
 * An entry before it has a place in the chain: what the caller recorded, without sequence number, time or hashes.
 */
public record AuditDraft(String actor, UUID actorId, UUID organisationId, String action, String objectType,
		String objectId, String outcome, String detail) {

	public AuditDraft {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(outcome, "outcome");
	}
}
