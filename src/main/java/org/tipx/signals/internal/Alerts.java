package org.tipx.signals.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

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

	/** The alert as the organisation it was raised for sees it now; used for webhook deliveries too. */
	Optional<AlertView> view(Viewer viewer, StoredAlert alert) {
		Instant now = clock.instant();
		Optional<StoredReport> report = reports.find(alert.reportId()).filter(r -> viewer.sees(r, now));
		if (report.isEmpty()) {
			return Optional.empty();
		}
		List<AlertView.ReportSummary> linked = alert.linkedReports().stream().map(reports::find)
				.flatMap(Optional::stream).filter(r -> r.activeAt(now) && viewer.sees(r, now))
				.map(AlertView.ReportSummary::of).toList();
		return Optional.of(new AlertView(alert.id(), alert.networkId(), AlertView.ReportSummary.of(report.get()), linked,
				alert.countries(), alert.values().stream().map(v -> new AlertView.Value(v.type().wire(), v.canonical()))
						.toList(),
				alert.state().name(), alert.note(), alert.createdAt(), alert.updatedAt()));
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
