package org.tipx.signals.stix;

import java.util.List;
import java.util.UUID;

/**
 * What importing a STIX bundle did.
 *
 * @param bundleId        the bundle's id
 * @param filed           the reports filed
 * @param alreadyImported ids of objects this organisation had imported before in the same version: not filed again
 * @param ignored         every object (or part of an indicator's pattern) tipx did not file, and why
 */
public record StixImported(String bundleId, List<FiledReport> filed, List<String> alreadyImported,
		List<Ignored> ignored) {

	public StixImported {
		filed = List.copyOf(filed);
		alreadyImported = List.copyOf(alreadyImported);
		ignored = List.copyOf(ignored);
	}

	/**
	 * A report filed from the bundle.
	 *
	 * @param stixReportId the STIX report it came from; null for the report of indicators in no report
	 * @param indicators   how many identifiers it holds
	 * @param from         the STIX indicators and observables whose identifiers it holds
	 */
	public record FiledReport(UUID reportId, String stixReportId, String title, String tlp, int indicators,
			List<String> from) {

		public FiledReport {
			from = List.copyOf(from);
		}
	}

	/** An object (or part of one) not filed. */
	public record Ignored(String id, String type, String reason) {
	}
}
