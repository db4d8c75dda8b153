package org.tipx.signals.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tipx.signals.internal.ValueKey;

/**
 * An alert row: what one organisation was told when a report linked across a border, as it could see it then.
 */
record StoredAlert(UUID id, UUID organisationId, UUID reportId, UUID networkId, List<UUID> linkedReports,
		List<String> countries, List<ValueKey> values, AlertState state, String note, Instant createdAt,
		Instant updatedAt, String acknowledgedBy, Instant acknowledgedAt) {

	/** A new alert, not yet triaged. */
	StoredAlert(UUID id, UUID organisationId, UUID reportId, UUID networkId, List<UUID> linkedReports,
			List<String> countries, List<ValueKey> values, Instant at) {
		this(id, organisationId, reportId, networkId, linkedReports, countries, values, AlertState.NEW, null, at, at,
				null, null);
	}
}
