package org.tipx.recruitment.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A configured source of an organisation with the outcome of its last poll: when, how many new postings, and the
 * last error and its time (cleared by the next success).
 */
public record Source(UUID id, UUID organisationId, String name, SourceKind kind, String location,
		Map<String, String> fieldMapping, Duration interval, boolean enabled, Instant createdAt, Instant lastPolledAt,
		Instant lastSuccessAt, Integer lastNew, String lastError, Instant lastErrorAt) {

	public Source {
		fieldMapping = fieldMapping == null ? Map.of() : Map.copyOf(fieldMapping);
	}

	/** Whether the schedule says it is time to poll. */
	public boolean due(Instant now) {
		return enabled && (lastPolledAt == null || !lastPolledAt.plus(interval).isAfter(now));
	}
}
