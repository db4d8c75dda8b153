package org.tipx.signals.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.NetworkView;
import org.tipx.signals.reading.NetworkViews;

/**
 * An organisation's alert inbox and its triage. Every read re-checks what the organisation may see now.
 */
@Service
public class Alerts {

	private final AlertStore alerts;

	private final ReportStore reports;

	private final AuditTrail audit;

	private final Clock clock;

	Alerts(AlertStore alerts, ReportStore reports, AuditTrail audit, Clock clock) {
		this.alerts = alerts;
		this.reports = reports;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<AlertView> inbox(Viewer viewer, String state, int limit) {
		AlertState wanted = state == null || state.isBlank() ? null : parse("state", state);
		List<AlertView> inbox = alerts.ofOrganisation(viewer.organisationId(), wanted, limit).stream()
				.map(a -> view(viewer, a)).flatMap(Optional::stream).toList();
		audit.record(AuditRecord.success("signals.alert.list", "signal_alert", viewer.organisationId())
				.withDetail("alerts=" + inbox.size()));
		return inbox;
	}

	@Transactional(readOnly = true)
	public AlertView read(Viewer viewer, UUID id) {
		AlertView alert = owned(viewer, id);
		audit.record(AuditRecord.success("signals.alert.read", "signal_alert", id));
		return alert;
	}

	@Transactional
	public AlertView triage(Viewer viewer, UUID id, String state, String note) {
		AlertState next = parse("state", state);
		if (note != null && note.length() > 2_000) {
			throw new InvalidInputException("note", "must be at most 2,000 characters");
		}
		owned(viewer, id);
		alerts.triage(id, next, note == null || note.isBlank() ? null : note.strip(), viewer.accountId(),
				clock.instant());
		audit.record(AuditRecord.success("signals.alert.triage", "signal_alert", id).withDetail(next.name()));
		return owned(viewer, id);
	}

	/**
	 * The alert as the organisation it was raised for sees it now; used for webhook deliveries too. An alert records
	 * what the organisation could see when it was raised; a reading shows only what it may still see: the linked
	 * reports it sees now, their countries (with the new report's), and the linking values the new report shares with
	 * them. Once none of the linked reports is visible, the alert keeps its report and triage but names no linked
	 * report, country or value. The network id is re-derived from the reports shown, so it is never named after a
	 * report the organisation no longer sees. The new report itself hidden: no alert at all.
	 */
	Optional<AlertView> view(Viewer viewer, StoredAlert alert) {
		Instant now = clock.instant();
		Optional<StoredReport> report = reports.find(alert.reportId()).filter(r -> viewer.sees(r, now));
		if (report.isEmpty()) {
			return Optional.empty();
		}
		List<StoredReport> linked = alert.linkedReports().stream().map(reports::find).flatMap(Optional::stream)
				.filter(r -> r.activeAt(now) && viewer.sees(r, now)).toList();
		List<String> countries = List.of();
		List<AlertView.Value> values = List.of();
		if (!linked.isEmpty()) {
			Set<String> shown = new TreeSet<>();
			shown.add(report.get().reporterCountry());
			linked.forEach(r -> shown.add(r.reporterCountry()));
			countries = List.copyOf(shown);
			Set<ValueKey> held = reports.indicatorsOf(linked.stream().map(StoredReport::id).toList()).stream()
					.filter(StoredIndicator::valid).map(StoredIndicator::key).collect(Collectors.toSet());
			values = alert.values().stream().filter(held::contains)
					.map(v -> new AlertView.Value(v.type().wire(), v.canonical())).toList();
		}
		StoredReport namesake = namesake(alert, report.get(), linked);
		return Optional.of(new AlertView(alert.id(), NetworkViews.publicId(namesake.id()), namesake.title(),
				AlertView.ReportSummary.of(report.get()), linked.stream().map(AlertView.ReportSummary::of).toList(),
				countries, values, alert.state().name(), alert.note(), alert.createdAt(), alert.updatedAt(),
				alert.acknowledgedBy(), alert.acknowledgedAt()));
	}

	/**
	 * The report the network is named after: the one the stored id names if it is still shown (the oldest the
	 * organisation saw, see {@link NetworkView#networkId()}); otherwise the oldest report shown now. Always one the
	 * organisation sees, so neither the id nor the title names a report it may not see.
	 */
	private static StoredReport namesake(StoredAlert alert, StoredReport report, List<StoredReport> linked) {
		List<StoredReport> shown = new ArrayList<>(linked);
		shown.add(report);
		return shown.stream().filter(r -> NetworkViews.publicId(r.id()).equals(alert.networkId())).findFirst()
				.orElseGet(() -> shown.stream().min(Comparator.comparing(StoredReport::createdAt)
						.thenComparing(r -> r.id().toString())).orElseThrow());
	}

	Optional<StoredAlert> find(UUID id) {
		return alerts.find(id);
	}

	private AlertView owned(Viewer viewer, UUID id) {
		return alerts.find(id).filter(a -> Objects.equals(a.organisationId(), viewer.organisationId()))
				.flatMap(a -> view(viewer, a)).orElseThrow(() -> new NotFoundException("alert " + id));
	}

	private static AlertState parse(String field, String value) {
		try {
			return AlertState.valueOf(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, "must be one of " + AlertState.names());
		}
	}
}
