package org.tipx.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * An inbox item with its triage: state and note, who changed it last and when, and who acknowledged it first and
 * when (kept when it is later closed or reopened).
 */
public record InboxEntry(UUID id, String kind, UUID organisationId, String key, String payload, InboxState state,
		String note, Instant createdAt, Instant updatedAt, UUID updatedBy, String acknowledgedBy,
		Instant acknowledgedAt) {
}
