package org.tipx.signals.sightings;

import java.time.Instant;
import java.util.UUID;

/**
 * A sighting or outcome as a viewer may see it. {@code stixId} is the id it keeps when exported as a STIX 2.1
 * {@code sighting} object. {@code note} is shown only to the organisation that recorded it and the reporting one.
 *
 * @param outcome whether the kind is an outcome (action taken) rather than a sighting
 */
public record SightingView(UUID id, String stixId, UUID indicatorId, UUID reportId, UUID organisationId,
		String organisationName, String kind, boolean outcome, Instant observedAt, String note, Instant createdAt) {
}
