package org.tipx.signals.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.tipx.shared.Tlp;
import org.tipx.sharing.Audience;
import org.tipx.signals.Category;

/**
 * A report row. Active reports link; retracted or expired ones do not, and only their owner still sees them.
 */
public record StoredReport(UUID id, UUID organisationId, UUID createdBy, String title, String description,
		String reporterCountry, Instant observedAt, Category category, Tlp tlp, UUID sharingGroupId,
		Set<UUID> recipients, Integer confidence, Instant createdAt, Instant expiresAt, Instant retractedAt,
		String retractionReason, UUID networkId) {

	/** Who the report is shared with, for sharing's audience rule. */
	public Audience audience() {
		return new Audience(organisationId, tlp, recipients, sharingGroupId);
	}

	public boolean activeAt(Instant now) {
		return retractedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}
}
