package org.tipx.signals.sightings;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxItem;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.ReportReading;
import org.tipx.signals.sightings.SightingStore.IndicatorRef;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sightings and outcomes of indicators (ADR 0032). Any organisation that may see an indicator's report records one;
 * an indicator on a report it may not see is "not found", exactly like one that does not exist. The reporting
 * organisation sees every sighting on its reports and is told of each outcome another organisation records (an
 * inbox item of kind {@value #INBOX_KIND}); any other organisation sees its own one by one and the others as counts.
 * Notes are sealed; every write and every read of notes is audited.
 */
@Service
public class Sightings {

	/** The inbox kind of the notice an outcome sends the reporting organisation. */
	public static final String INBOX_KIND = "signals.outcome";

	public static final int NOTE_MAX = 2_000;

	static final SealedColumn NOTE = new SealedColumn("signals_sighting", "id", "note", "signals_sighting.note");

	/** Clocks differ a little; an observation a minute ahead of ours is not "in the future". */
	private static final Duration SKEW = Duration.ofMinutes(1);

	private final SightingStore store;

	private final SightingSummaries summaries;

	private final ReportReading reading;

	private final ReportStore reports;

	private final FieldCipher cipher;

	private final Inbox inbox;

	private final Directory directory;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final Clock clock;

	Sightings(SightingStore store, SightingSummaries summaries, ReportReading reading, ReportStore reports,
			FieldCipher cipher, Inbox inbox, Directory directory, JsonMapper json, AuditTrail audit, Clock clock) {
		this.store = store;
		this.summaries = summaries;
		this.reading = reading;
		this.reports = reports;
		this.cipher = cipher;
		this.inbox = inbox;
		this.directory = directory;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a sighting or outcome.
	 *
	 * @param observedAt an ISO-8601 instant ({@code 2026-10-01T08:00:00Z}), date-time with offset, or date (taken
	 *                   as its start in UTC); required, and not in the future
	 */
	@Transactional
	public SightingView record(Viewer viewer, UUID indicatorId, String kind, String observedAt, String note) {
		Instant now = clock.instant();
		SightingKind parsed = SightingKind.parse(kind)
				.orElseThrow(() -> new InvalidInputException("kind", "must be one of " + SightingKind.names()));
		Instant observed = observedAt(observedAt, now);
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > NOTE_MAX) {
			throw new InvalidInputException("note", "must be at most " + NOTE_MAX + " characters");
		}
		IndicatorRef indicator = visibleIndicator(viewer, indicatorId, "signals.sighting.record");
		StoredReport report = reading.visible(viewer, indicator.reportId());
		UUID id = UUID.randomUUID();
		store.insert(new StoredSighting(id, indicator.reportId(), indicator.position(), viewer.organisationId(),
				viewer.accountId(), parsed, observed, text == null ? null : cipher.seal(text, NOTE.context(id)), now));
		audit.record(AuditRecord.success("signals.sighting.record", "signal_sighting", id)
				.withDetail(parsed.name() + " on indicator " + indicatorId));
		if (parsed.outcome() && !report.organisationId().equals(viewer.organisationId())) {
			notifyReporter(report, indicator, id, parsed, observed, viewer.organisationId(), now);
		}
		return new SightingView(id, stixId(id), indicatorId, indicator.reportId(), viewer.organisationId(),
				organisationName(viewer.organisationId()), parsed.name(), parsed.outcome(), observed, text, now);
	}

	/** An indicator's sightings as the viewer may see them, notes included; audited. */
	@Transactional(readOnly = true)
	public IndicatorSightings of(Viewer viewer, UUID indicatorId) {
		IndicatorRef indicator = visibleIndicator(viewer, indicatorId, "signals.sighting.read");
		StoredReport report = reading.visible(viewer, indicator.reportId());
		IndicatorSightings answer = summaries.summary(viewer, report, indicator.type(), indicatorId,
				store.ofIndicator(indicator.reportId(), indicator.position()), true);
		audit.record(AuditRecord.success("signals.sighting.read", "signal_indicator", indicatorId)
				.withDetail("shown=" + answer.sightings().size()));
		return answer;
	}

	/**
	 * The sightings of every indicator of a report as the viewer may see them, notes included, by indicator id; for
	 * the report page. Audited when a note is shown.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, IndicatorSightings> ofReport(Viewer viewer, UUID reportId) {
		StoredReport report = reading.visible(viewer, reportId);
		List<StoredIndicator> given = reports.indicators(reportId).stream().filter(i -> i.derivedFrom() == null)
				.toList();
		Map<UUID, IndicatorSightings> byId = new LinkedHashMap<>();
		summaries.onReport(viewer, report, given, true).values().forEach(s -> byId.put(s.indicatorId(), s));
		return byId;
	}

	/** The STIX id of a sighting (ADR 0032): its own id, so an export and a re-export name the same object. */
	public static String stixId(UUID id) {
		return SightingSummaries.stixId(id);
	}

	private IndicatorRef visibleIndicator(Viewer viewer, UUID indicatorId, String action) {
		IndicatorRef indicator = store.indicator(indicatorId).orElse(null);
		if (indicator != null) {
			try {
				reading.visible(viewer, indicator.reportId());
				return indicator;
			}
			catch (NotFoundException hidden) {
				// answered below with the same words as an indicator that does not exist
			}
		}
		audit.record(AuditRecord.denied(action, "signal_indicator", indicatorId, "indicator not found"));
		throw new NotFoundException("indicator " + indicatorId);
	}

	private void notifyReporter(StoredReport report, IndicatorRef indicator, UUID sightingId, SightingKind kind,
			Instant observed, UUID by, Instant now) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("sightingId", sightingId.toString());
		payload.put("reportId", report.id().toString());
		payload.put("indicatorId", indicator.id().toString());
		payload.put("kind", kind.name());
		payload.put("observedAt", observed.toString());
		payload.put("organisationId", by.toString());
		inbox.deliver(new InboxItem(UUID.randomUUID(), INBOX_KIND, report.organisationId(), sightingId.toString(),
				json.writeValueAsString(payload), now));
	}

	String organisationName(UUID id) {
		return directory.organisation(new OrganisationId(id)).map(Organisation::name).orElse("(unknown)");
	}

	private static Instant observedAt(String text, Instant now) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("observedAt", "is required: when was it seen or done");
		}
		Instant observed;
		String value = text.strip();
		try {
			observed = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
					: OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException e) {
			throw new InvalidInputException("observedAt",
					"must be a date (2026-10-01) or a date and time with offset (2026-10-01T08:00:00Z)");
		}
		if (observed.isAfter(now.plus(SKEW))) {
			throw new InvalidInputException("observedAt", "must not be in the future");
		}
		return Objects.requireNonNull(observed);
	}
}
