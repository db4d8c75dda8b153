package org.tipx.signals.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.reading.NetworkView;

/**
 * An alert as its organisation sees it now: reports that have since been retracted or hidden are left out.
 *
 * @param networkId     the network as the organisation sees it (see {@link NetworkView#networkId()})
 * @param networkTitle  the title of the report the network is named after: always one the organisation sees now
 * @param report        the new report that linked across a border
 * @param linkedReports the visible reports it linked to
 * @param values        the values linking the new report to them: the evidence
 * @param acknowledgedBy who first acknowledged the alert (kept when it is later closed or reopened), or null
 * @param acknowledgedAt when, or null
 */
public record AlertView(UUID id, UUID networkId, String networkTitle, ReportSummary report,
		List<ReportSummary> linkedReports, List<String> countries, List<Value> values, String state, String note,
		Instant createdAt, Instant updatedAt, String acknowledgedBy, Instant acknowledgedAt) {

	/** Enough of a report to triage: its id, title, organisation, country, marking and date. */
	public record ReportSummary(UUID id, String title, UUID organisation, String country, String tlp,
			Instant observedAt) {

		static ReportSummary of(StoredReport r) {
			return new ReportSummary(r.id(), r.title(), r.organisationId(), r.reporterCountry(), r.tlp().name(),
					r.observedAt());
		}
	}

	/** A linking value. */
	public record Value(String type, String canonical) {
	}
}
