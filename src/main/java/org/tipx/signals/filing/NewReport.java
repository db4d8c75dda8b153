package org.tipx.signals.filing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report as submitted, before validation: enum-valued fields are still text so errors can name them.
 */
public record NewReport(String title, String description, String reporterCountry, Instant observedAt,
		String category, String tlp, UUID sharingGroupId, List<UUID> recipients, Integer confidence,
		List<NewIndicator> indicators) {

	/** One indicator as submitted. */
	public record NewIndicator(String type, String value, String platform, String chain) {
	}
}
