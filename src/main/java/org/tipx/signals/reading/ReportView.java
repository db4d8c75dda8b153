package org.tipx.signals.reading;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.tipx.signals.sightings.IndicatorSightings;

/**
 * A report as a viewer may see it. {@code firstSeen}/{@code lastSeen} of each value count only reports the viewer
 * may see.
 */
public record ReportView(UUID id, UUID organisationId, String title, String description, String reporterCountry,
		Instant observedAt, String category, String tlp, UUID sharingGroupId, Set<UUID> recipients, Integer confidence,
		Instant createdAt, Instant expiresAt, boolean retracted, Instant retractedAt, String retractionReason,
		List<IndicatorView> indicators) {

	/**
	 * One indicator with its canonical form and what it implies, and whether its value is on the warning list (with
	 * the list's note) or flagged by the automatic cap with the flag in effect for this viewer (see
	 * {@link org.tipx.signals.correlation.Standing}). {@code id} addresses the indicator (sightings, ADR 0032);
	 * {@code sightings} holds its confidence now and the sightings and outcomes recorded on it, as the viewer may see
	 * them, without notes.
	 */
	public record IndicatorView(UUID id, String type, String value, String platform, String chain, String canonical,
			boolean valid, String reason, List<DerivedView> derived, Instant firstSeen, Instant lastSeen,
			boolean warningListed, String warningReason, boolean flagged, IndicatorSightings sightings) {
	}

	/** An identifier implied by an indicator, with its standing as for an indicator. */
	public record DerivedView(String type, String canonical, boolean warningListed, String warningReason,
			boolean flagged) {
	}
}
