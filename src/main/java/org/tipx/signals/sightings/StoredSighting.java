package org.tipx.signals.sightings;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A sighting or outcome as stored; {@code note} is sealed (or null).
 */
record StoredSighting(UUID id, UUID reportId, int position, UUID organisationId, UUID accountId, SightingKind kind,
		Instant observedAt, String note, Instant createdAt) {

	StoredSighting {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(reportId, "report");
		Objects.requireNonNull(organisationId, "organisation");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(observedAt, "observed at");
		Objects.requireNonNull(createdAt, "created at");
	}
}
