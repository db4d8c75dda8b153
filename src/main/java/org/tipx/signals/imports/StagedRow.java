package org.tipx.signals.imports;

import java.time.Instant;

/**
 * A row that passed every structural check, normalised as the API would store it, waiting in staging.
 */
record StagedRow(long number, String reportKey, String title, String description, String category, String tlp,
		String reporterCountry, Instant observedAt, Integer confidence, String type, String value, String platform,
		String chain) {
}
