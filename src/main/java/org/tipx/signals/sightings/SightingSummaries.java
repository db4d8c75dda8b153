package org.tipx.signals.sightings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.protection.FieldCipher;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.Viewer;

/**
 * What a viewer sees of the sightings of indicators on a report it already reads (the caller has checked that it
 * may): effective confidence, counts for everyone, and one by one the sightings the viewer may see (the reporting
 * organisation: all; any other: its own). Separate from {@link Sightings} so that report reading can show them.
 */
@Component
public class SightingSummaries {

	private final SightingStore store;

	private final FieldCipher cipher;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	SightingSummaries(SightingStore store, FieldCipher cipher, Directory directory, AuditTrail audit, Clock clock) {
		this.store = store;
		this.cipher = cipher;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The sightings of each indicator of a report the viewer already reads, by the indicator's position. With notes (audited
	 * once for the report) or without (for the report's API answer and lists, which carry no free text of others).
	 */
	@Transactional(readOnly = true)
	public Map<Integer, IndicatorSightings> onReport(Viewer viewer, StoredReport report, List<StoredIndicator> rows,
			boolean withNotes) {
		Map<Integer, UUID> ids = store.indicatorIds(report.id());
		Map<Integer, List<StoredSighting>> byPosition = store.ofReport(report.id()).stream()
				.collect(Collectors.groupingBy(StoredSighting::position));
		Map<Integer, IndicatorSightings> answer = new LinkedHashMap<>();
		int notes = 0;
		for (StoredIndicator row : rows) {
			UUID id = ids.get(row.position());
			IndicatorSightings of = summary(viewer, report, row.type(), id,
					byPosition.getOrDefault(row.position(), List.of()), withNotes);
			notes += (int) of.sightings().stream().filter(s -> s.note() != null).count();
			answer.put(row.position(), of);
		}
		if (notes > 0) {
			audit.record(AuditRecord.success("signals.sighting.read", "signal_report", report.id())
					.withDetail("notes shown=" + notes));
		}
		return answer;
	}

	IndicatorSightings summary(Viewer viewer, StoredReport report, IndicatorType type,
			UUID indicatorId, List<StoredSighting> all, boolean withNotes) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		Instant lastConfirmed = report.observedAt();
		Set<UUID> falsePositives = new HashSet<>();
		for (StoredSighting s : all) {
			counts.merge(s.kind().name(), 1, Integer::sum);
			if (s.kind().confirms() && s.observedAt().isAfter(lastConfirmed)) {
				lastConfirmed = s.observedAt();
			}
			if (s.kind() == SightingKind.FALSE_POSITIVE && !s.organisationId().equals(report.organisationId())) {
				falsePositives.add(s.organisationId());
			}
		}
		boolean reporter = report.organisationId().equals(viewer.organisationId());
		Map<UUID, String> names = new HashMap<>();
		List<SightingView> shown = new ArrayList<>();
		for (StoredSighting s : all) {
			if (!reporter && !s.organisationId().equals(viewer.organisationId())) {
				continue;
			}
			String note = withNotes && s.note() != null ? cipher.open(s.note(), Sightings.NOTE.context(s.id())) : null;
			shown.add(new SightingView(s.id(), stixId(s.id()), indicatorId, s.reportId(), s.organisationId(),
					names.computeIfAbsent(s.organisationId(), this::organisationName), s.kind().name(),
					s.kind().outcome(), s.observedAt(), note, s.createdAt()));
		}
		shown.sort(Comparator.comparing(SightingView::observedAt).reversed());
		int effective = ConfidenceDecay.effective(type, report.confidence(), lastConfirmed, falsePositives.size(),
				clock.instant());
		return new IndicatorSightings(indicatorId, effective, lastConfirmed, counts, shown);
	}

	static String stixId(UUID id) {
		return "sighting--" + id;
	}

	private String organisationName(UUID id) {
		return directory.organisation(new OrganisationId(id)).map(Organisation::name).orElse("(unknown)");
	}
}
