package org.tipx.recruitment.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tipx.recruitment.Posting;
import org.tipx.recruitment.Reason;

/**
 * A posting picked up from a source, as scored: its text and reasons (sealed at rest), the score, the engine's flag,
 * and the group of near-duplicates it belongs to ({@code duplicateOf} and {@code similarity}: the earlier posting it
 * was recognised as a repost of, and the estimated similarity).
 */
public record StoredPosting(UUID id, UUID organisationId, UUID sourceId, String externalKey, Posting posting,
		List<Reason> reasons, Double riskScore, boolean engineFlagged, String language, String error, UUID groupId,
		UUID duplicateOf, Double similarity, Instant fetchedAt) {

	public StoredPosting {
		reasons = reasons == null ? List.of() : List.copyOf(reasons);
	}
}
