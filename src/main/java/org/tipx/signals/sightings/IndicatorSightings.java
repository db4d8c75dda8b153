package org.tipx.signals.sightings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is known of an indicator after it was reported: its confidence now (ADR 0032), when it was last confirmed,
 * how many sightings and outcomes of each kind all organisations recorded, and the ones this viewer may see one by
 * one (the reporting organisation: all of them; any other: its own). Counts are by kind name.
 */
public record IndicatorSightings(UUID indicatorId, int effectiveConfidence, Instant lastConfirmed, Map<String, Integer> counts,
		List<SightingView> sightings) {

	public IndicatorSightings {
		counts = Map.copyOf(counts);
		sightings = List.copyOf(sightings);
	}
}
