package org.tipx.signals.correlation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.ReportReading;

/**
 * What analysts do to keep networks true: retract a report (voided with a reason, never deleted), give it an
 * expiry, cut a wrong link, and keep the warning list. Each change recomputes the affected network and is audited.
 */
@Service
public class Curation {

	private final ReportStore store;

	private final Correlation correlation;

	private final Cuts cuts;

	private final ReportReading reading;

	private final VisibleNetworks visibleNetworks;

	private final WarningList warningList;

	private final Canonicalisers canonicalisers;

	private final AuditTrail audit;

	private final Clock clock;

	Curation(ReportStore store, Correlation correlation, Cuts cuts, ReportReading reading, VisibleNetworks visibleNetworks,
			WarningList warningList, Canonicalisers canonicalisers, AuditTrail audit, Clock clock) {
		this.store = store;
		this.correlation = correlation;
		this.cuts = cuts;
		this.reading = reading;
		this.visibleNetworks = visibleNetworks;
		this.warningList = warningList;
		this.canonicalisers = canonicalisers;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public StoredReport retract(Viewer viewer, UUID id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required: say why the report is retracted");
		}
		StoredReport report = owned(viewer, id, "signals.report.retract");
		if (report.retractedAt() != null) {
			throw new ConflictException("id", "the report is already retracted");
		}
		correlation.lock();
		store.retract(id, clock.instant(), reason.strip());
		correlation.recompute(report.networkId());
		audit.record(AuditRecord.success("signals.report.retract", "signal_report", id).withDetail(reason.strip()));
		return store.find(id).orElseThrow();
	}

	@Transactional
	public StoredReport expire(Viewer viewer, UUID id, Instant expiresAt) {
		StoredReport report = owned(viewer, id, "signals.report.expiry");
		correlation.lock();
		store.setExpiry(id, expiresAt);
		if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
			correlation.recompute(report.networkId());
			store.markSwept(id);
		}
		audit.record(AuditRecord.success("signals.report.expiry", "signal_report", id)
				.withDetail("expiresAt=" + expiresAt));
		return store.find(id).orElseThrow();
	}

	/** Takes reports whose expiry has passed out of their networks. */
	@Scheduled(fixedDelayString = "${tipx.signals.expiry-sweep:PT5M}")
	@Transactional
	public void sweepExpired() {
		List<StoredReport> expired = store.expiredUnswept(clock.instant());
		if (expired.isEmpty()) {
			return;
		}
		correlation.lock();
		for (StoredReport report : expired) {
			correlation.recompute(report.networkId());
			store.markSwept(report.id());
			audit.recordFor("system", AuditRecord.success("signals.report.expired", "signal_report", report.id()));
		}
	}

	/**
	 * Cuts the link a value makes between two reports. The cut holds when new reports arrive; they may still connect
	 * the two through other reports, which is then visible as such. Only an organisation that filed one of the two
	 * reports, or an administrator, may cut; a report the caller may not see is "not found". Refusals are audited.
	 *
	 * @param administrator whether the caller is an administrator, who may cut any link it can see
	 * @return whether the two are now apart as the caller sees the network: a path through reports the caller may
	 *         not see does not count, and is not revealed
	 */
	@Transactional
	public CutResult cut(Viewer viewer, boolean administrator, String type, String canonical, List<UUID> reports,
			String reason) {
		IndicatorType indicatorType = IndicatorType.fromWire(type)
				.orElseThrow(() -> new InvalidInputException("type", "must be one of " + IndicatorType.wireNames()));
		if (canonical == null || canonical.isBlank()) {
			throw new InvalidInputException("canonical", "is required");
		}
		if (reports == null || reports.size() != 2 || reports.get(0) == null || reports.get(1) == null
				|| reports.get(0).equals(reports.get(1))) {
			throw new InvalidInputException("reports", "must name exactly two different reports");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required: say why the link is wrong");
		}
		String between = "between " + reports.get(0) + " and " + reports.get(1);
		StoredReport a = visibleForCut(viewer, reports.get(0), between);
		StoredReport b = visibleForCut(viewer, reports.get(1), between);
		if (!administrator && !a.organisationId().equals(viewer.organisationId())
				&& !b.organisationId().equals(viewer.organisationId())) {
			audit.record(AuditRecord.denied("signals.link.cut", "signal_report", a.id(),
					"not holding either report: " + between));
			throw new ForbiddenException(
					"only an organisation that filed one of the two reports, or an administrator, may cut their link");
		}
		ValueKey key = new ValueKey(indicatorType, canonical.strip());
		boolean aHolds = store.indicators(a.id()).stream().anyMatch(i -> i.valid() && i.key().equals(key));
		boolean bHolds = store.indicators(b.id()).stream().anyMatch(i -> i.valid() && i.key().equals(key));
		if (!aHolds || !bHolds) {
			throw new InvalidInputException("canonical", "both reports must hold this canonical value");
		}
		correlation.lock();
		UUID id = cuts.add(key, a.id(), b.id(), reason.strip(), viewer.accountId(), clock.instant());
		correlation.changedLinks();
		if (a.networkId().equals(b.networkId())) {
			correlation.recompute(a.networkId());
		}
		audit.record(AuditRecord.success("signals.link.cut", "signal_cut", id)
				.withDetail(type + " " + key.canonical() + " between " + a.id() + " and " + b.id() + ": " + reason.strip()));
		return new CutResult(id, !stillJoined(viewer, a.id(), b.id()));
	}

	/** Whether the two reports are still connected through reports the viewer sees. */
	private boolean stillJoined(Viewer viewer, UUID a, UUID b) {
		Instant now = clock.instant();
		StoredReport afterA = store.find(a).orElseThrow();
		StoredReport afterB = store.find(b).orElseThrow();
		if (!afterA.activeAt(now) || !afterB.activeAt(now)) {
			return false;
		}
		return visibleNetworks.around(viewer, afterA, now).component().contains(b);
	}

	private StoredReport visibleForCut(Viewer viewer, UUID id, String between) {
		Optional<StoredReport> report = store.find(id).filter(r -> viewer.sees(r, clock.instant()));
		if (report.isEmpty()) {
			// The same words whether the report does not exist or is hidden from the caller.
			audit.record(AuditRecord.denied("signals.link.cut", "signal_report", id, "report not found: " + between));
			throw new NotFoundException("report " + id);
		}
		return report.get();
	}

	@Transactional
	public WarningList.Entry addWarning(String actor, String type, String value, String note) {
		ValueKey key = warningKey(type, value);
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note", "is required: say why this value never links");
		}
		// under the lock, so the change is journalled in order with the filings (ADR 0021)
		correlation.lock();
		warningList.add(key, note.strip(), actor);
		correlation.changedLinks();
		audit.record(AuditRecord.success("signals.warning_list.add", key.type().wire(), key.canonical())
				.withDetail(note.strip()));
		return warningList.match(key).orElseThrow();
	}

	@Transactional
	public void removeWarning(String type, String value) {
		ValueKey key = warningKey(type, value);
		correlation.lock();
		if (!warningList.remove(key)) {
			throw new NotFoundException("warning-list entry " + type + " " + key.canonical());
		}
		correlation.changedLinks();
		audit.record(AuditRecord.success("signals.warning_list.remove", key.type().wire(), key.canonical()));
	}

	private ValueKey warningKey(String type, String value) {
		IndicatorType indicatorType = IndicatorType.fromWire(type)
				.orElseThrow(() -> new InvalidInputException("type", "must be one of " + IndicatorType.wireNames()));
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("value", "is required");
		}
		Canonical canonical = canonicalisers.canonicalise(new RawIndicator(indicatorType, value, null, null, null));
		if (!canonical.valid()) {
			throw new InvalidInputException("value", "does not parse: " + canonical.reason());
		}
		return new ValueKey(indicatorType, canonical.canonical());
	}

	private StoredReport owned(Viewer viewer, UUID id, String action) {
		StoredReport report = reading.visible(viewer, id);
		if (!report.organisationId().equals(viewer.organisationId())) {
			audit.record(AuditRecord.denied(action, "signal_report", id, "not the reporting organisation"));
			throw new ForbiddenException("only the reporting organisation may change this report");
		}
		return report;
	}

	/** The cut's id, and whether the two reports now sit in different networks as the caller sees them. */
	public record CutResult(UUID id, boolean separated) {
	}
}
