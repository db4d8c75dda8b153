package org.tipx.signals.reading;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.NotFoundException;
import org.tipx.signals.correlation.Standing;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.sightings.IndicatorSightings;
import org.tipx.signals.sightings.SightingSummaries;

/**
 * Reads reports under TLP: a report the viewer may not see answers "not found", exactly like one that does not exist.
 */
@Service
public class ReportReading {

	private final ReportStore store;

	private final AuditTrail audit;

	private final Clock clock;

	private final Standing standing;

	private final SearchTerms searchTerms;

	private final SightingSummaries sightings;

	ReportReading(ReportStore store, AuditTrail audit, Clock clock, Standing standing, SearchTerms searchTerms,
			SightingSummaries sightings) {
		this.sightings = sightings;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
		this.standing = standing;
		this.searchTerms = searchTerms;
	}

	@Transactional(readOnly = true)
	public ReportView read(Viewer viewer, UUID id) {
		StoredReport report = visible(viewer, id);
		audit.record(AuditRecord.success("signals.report.read", "signal_report", id));
		return view(viewer, report);
	}

	/** The viewer's own organisation's reports filed by one of its imports. */
	@Transactional(readOnly = true)
	public List<ReportView> ofImport(Viewer viewer, UUID importId, int limit) {
		return store.ofImport(viewer.organisationId(), importId, limit).stream().map(r -> view(viewer, r)).toList();
	}

	/**
	 * The viewer's own organisation's reports, newest first, optionally searched by title or value: the search as
	 * typed, and as the canonical form of every type it reads as (local numbers in the organisation's country), so
	 * "0812 3456 7890" finds the report holding +6281234567890.
	 */
	@Transactional(readOnly = true)
	public List<ReportView> ofOwnOrganisation(Viewer viewer, String search, int limit) {
		List<String> exact = search == null || search.isBlank() ? List.of() : searchTerms.of(viewer, search);
		return store.ofOrganisation(viewer.organisationId(), search, exact, limit).stream().map(r -> view(viewer, r))
				.toList();
	}

	/**
	 * The reports among {@code ids} the viewer may see, by id; the others are left out as if they did not exist. For
	 * drawing a network already read (and audited) through {@link NetworkViews}, so it is not audited again.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, ReportView> visibleAmong(Viewer viewer, Collection<UUID> ids) {
		Instant now = clock.instant();
		Map<UUID, ReportView> views = new LinkedHashMap<>();
		for (UUID id : ids) {
			store.find(id).filter(r -> viewer.sees(r, now)).ifPresent(r -> views.put(id, view(viewer, r)));
		}
		return views;
	}

	public StoredReport visible(Viewer viewer, UUID id) {
		return store.find(id).filter(r -> viewer.sees(r, clock.instant()))
				.orElseThrow(() -> new NotFoundException("report " + id));
	}

	ReportView view(Viewer viewer, StoredReport r) {
		Instant now = clock.instant();
		List<StoredIndicator> rows = store.indicators(r.id());
		List<StoredIndicator> given = rows.stream().filter(row -> row.derivedFrom() == null).toList();
		Map<Integer, IndicatorSightings> seen = sightings.onReport(viewer, r, given, false);
		List<ReportView.IndicatorView> indicators = new ArrayList<>();
		for (StoredIndicator row : rows) {
			if (row.derivedFrom() != null) {
				continue;
			}
			List<ReportView.DerivedView> derived = rows.stream()
					.filter(d -> d.derivedFrom() != null && d.derivedFrom() == row.position())
					.map(d -> {
						Standing.Of of = d.valid() ? standing.of(viewer, d.key()) : Standing.Of.CLEAR;
						return new ReportView.DerivedView(d.type().wire(), d.canonical(), of.warningListed(),
								of.warningReason(), of.flagged());
					}).toList();
			Instant first = null;
			Instant last = null;
			if (row.valid()) {
				List<Instant> observed = store.holding(row.key()).stream().filter(h -> viewer.sees(h, now))
						.map(StoredReport::observedAt).sorted(Comparator.naturalOrder()).toList();
				first = observed.isEmpty() ? r.observedAt() : observed.get(0);
				last = observed.isEmpty() ? r.observedAt() : observed.get(observed.size() - 1);
			}
			Standing.Of of = row.valid() ? standing.of(viewer, row.key()) : Standing.Of.CLEAR;
			IndicatorSightings recorded = seen.get(row.position());
			indicators.add(new ReportView.IndicatorView(recorded.indicatorId(), row.type().wire(), row.rawValue(),
					row.platform(), row.chain(),
					row.canonical(), row.valid(), row.reason(), derived, first, last, of.warningListed(),
					of.warningReason(), of.flagged(), recorded));
		}
		return new ReportView(r.id(), r.organisationId(), r.title(), r.description(), r.reporterCountry(),
				r.observedAt(), r.category().name(), r.tlp().name(), r.sharingGroupId(), r.recipients(), r.confidence(),
				r.createdAt(), r.expiresAt(), r.retractedAt() != null, r.retractedAt(), r.retractionReason(),
				indicators);
	}
}
