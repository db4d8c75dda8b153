package org.tipx.recruitment.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * A moderator's decision on a posting, with the note opened (null when none) and the signal report filed from it
 * (null until filed).
 */
public record Decision(UUID id, UUID postingId, UUID organisationId, Label label, String note, UUID decidedBy,
		Instant decidedAt, UUID reportId) {
}
