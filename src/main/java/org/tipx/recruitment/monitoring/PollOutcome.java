package org.tipx.recruitment.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * What one poll of a source did: how many postings the source answered, how many were new, how many of those were
 * flagged (at the organisation's operating threshold) and how many joined an existing group of near-duplicates; or
 * the error it failed with (also recorded on the source).
 */
public record PollOutcome(UUID sourceId, Instant at, int read, int added, int flagged, int grouped, String error) {

	public boolean failed() {
		return error != null;
	}
}
