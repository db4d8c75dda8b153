package org.tipx.signals.taxii;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.ReportReading;
import org.tipx.signals.reading.ReportView;
import org.tipx.signals.stix.ReportObjects;
import org.tipx.signals.stix.StixBundles;
import org.tipx.signals.stix.StixReports;

/**
 * The objects of a TAXII collection, page by page (ADR 0034). A collection lists its reports in the order they were
 * filed; each report brings its STIX objects (the marking and extension definitions it needs, the organisation's
 * identity, the report, its observables, indicators and sightings), all with the report's filing time as
 * {@code date_added}. An object several reports carry (an identity, a marking, an observable) is listed with each;
 * it has the same id and version each time. Every report is read exactly as the API would show it to the caller,
 * through {@link ReportReading}; one that the caller may not see is not there.
 * <p>
 * A page holds at most {@code limit} objects and looks at most {@link #REPORTS_PER_PAGE} reports, so that a filter
 * that matches little cannot make one request read a whole shelf: such a page may hold fewer objects than asked, with
 * {@code more} and a {@code next} to go on from. {@code next} is where the page ended (the report and the object in
 * it), so paging is stable while reports are filed.
 */
@Service
public class TaxiiObjects {

	public static final int DEFAULT_LIMIT = 100;

	public static final int MAX_LIMIT = 1_000;

	static final int REPORTS_PER_PAGE = 2_000;

	private static final int BATCH = 200;

	/** TAXII timestamps, to the microsecond as PostgreSQL keeps them. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
			.withZone(ZoneOffset.UTC);

	private static final UUID LAST_ID = new UUID(-1L, -1L);

	private final ReportStore store;

	private final ReportReading reading;

	private final StixReports stix;

	private final AuditTrail audit;

	private final Clock clock;

	TaxiiObjects(ReportStore store, ReportReading reading, StixReports stix, AuditTrail audit, Clock clock) {
		this.store = store;
		this.reading = reading;
		this.stix = stix;
		this.audit = audit;
		this.clock = clock;
	}

	/** One page of the collection's objects that match the query. Audited. */
	@Transactional(readOnly = true)
	public Page page(Viewer viewer, TaxiiCollection collection, Query query) {
		Instant now = clock.instant();
		List<Entry> entries = new ArrayList<>();
		Cursor at = query.next() != null ? query.next()
				: new Cursor(query.addedAfter() == null ? Instant.EPOCH : query.addedAfter(), LAST_ID, -1);
		int scanned = 0;
		boolean exhausted = false;
		Cursor next = null;
		reading:
		while (scanned < REPORTS_PER_PAGE) {
			int requested = Math.min(BATCH, REPORTS_PER_PAGE - scanned);
			List<StoredReport> batch = store.onShelf(collection.shelf(), collection.shelfId(), at.filedAt(),
					at.reportId(), at.offset() >= 0, requested);
			if (batch.isEmpty()) {
				exhausted = true;
				break;
			}
			Map<UUID, ReportView> views = reading.visibleAmong(viewer,
					batch.stream().filter(r -> viewer.sees(r, now)).map(StoredReport::id).toList());
			for (StoredReport report : batch) {
				scanned++;
				int from = report.id().equals(at.reportId()) && at.offset() >= 0 ? at.offset() : 0;
				at = new Cursor(report.createdAt(), report.id(), -1);
				ReportView view = views.get(report.id());
				if (view == null) {
					continue;
				}
				ReportObjects objects = stix.of(viewer, view);
				List<Map<String, Object>> listed = new ArrayList<>(
						StixBundles.definitions(EnumSet.of(objects.tlp()), objects.extensions()));
				listed.addAll(objects.objects());
				for (int i = from; i < listed.size(); i++) {
					Map<String, Object> object = listed.get(i);
					Entry entry = new Entry(object, report.createdAt(), version(object, report.createdAt()));
					if (!query.matches(entry)) {
						continue;
					}
					if (entries.size() == query.limit()) {
						next = new Cursor(report.createdAt(), report.id(), i);
						break reading;
					}
					entries.add(entry);
				}
			}
			if (batch.size() < requested) {
				exhausted = true;
				break;
			}
		}
		if (next == null && !exhausted) {
			next = at;
		}
		audit.record(new AuditRecord("signals.taxii.read", "taxii_collection", collection.id().toString(),
				AuditRecord.Outcome.SUCCESS, entries.size() + " objects" + (next == null ? "" : ", more")));
		return new Page(entries, next);
	}

	/** An object's version: its {@code modified} time, else its {@code created} time, else when it was added. */
	static String version(Map<String, Object> object, Instant dateAdded) {
		Object modified = object.get("modified");
		if (modified instanceof String text) {
			return text;
		}
		Object created = object.get("created");
		if (created instanceof String text) {
			return text;
		}
		return timestamp(dateAdded);
	}

	public static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	/** A TAXII timestamp (RFC 3339), or a clear refusal naming the parameter. */
	public static Instant instant(String parameter, String text) {
		try {
			return java.time.OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(parameter, "must be a timestamp such as 2026-12-01T00:00:00Z");
		}
	}

	/**
	 * One listed object.
	 *
	 * @param version its modified or created time, as STIX writes it
	 */
	public record Entry(Map<String, Object> object, Instant dateAdded, String version) {

		public String id() {
			return (String) object.get("id");
		}

		public String type() {
			return (String) object.get("type");
		}
	}

	/** A page of entries, and where the next begins (null when there is no more). */
	public record Page(List<Entry> entries, Cursor next) {

		public Page {
			entries = List.copyOf(entries);
		}

		public boolean more() {
			return next != null;
		}
	}

	/**
	 * A position in a collection: the report filed at {@code filedAt} with {@code reportId}, and the index of the object
	 * in it to go on from ({@code -1}: after that report).
	 */
	public record Cursor(Instant filedAt, UUID reportId, int offset) {

		public Cursor {
			Objects.requireNonNull(filedAt, "filedAt");
			Objects.requireNonNull(reportId, "reportId");
		}

		public String token() {
			String text = filedAt.getEpochSecond() + "." + filedAt.getNano() + "|" + reportId + "|" + offset;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
		}

		/** The cursor a {@code next} token names, or a refusal naming the parameter. */
		public static Cursor of(String token) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split("\\|");
				String[] time = parts[0].split("\\.");
				return new Cursor(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
						UUID.fromString(parts[1]), Integer.parseInt(parts[2]));
			}
			catch (RuntimeException e) {
				throw new InvalidInputException("next", "is not a next value this server gave");
			}
		}
	}

	/**
	 * What a request asks for.
	 *
	 * @param addedAfter only objects added after this time; null for all
	 * @param next       where a previous page ended; null for the first page
	 * @param ids        {@code match[id]}: only these ids; empty for any
	 * @param types      {@code match[type]}: only these types; empty for any
	 * @param versions   {@code match[version]}: "last", "first", "all", or timestamps; every object has one version
	 */
	public record Query(Instant addedAfter, int limit, Cursor next, Set<String> ids, Set<String> types,
			Set<String> versions) {

		public Query {
			if (limit < 1 || limit > MAX_LIMIT) {
				throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
			}
			ids = Set.copyOf(ids);
			types = Set.copyOf(types);
			versions = versions.isEmpty() ? Set.of("last") : Set.copyOf(versions);
			for (String version : versions) {
				if (!Set.of("last", "first", "all").contains(version)) {
					instant("match[version]", version);
				}
			}
		}

		boolean matches(Entry entry) {
			if (!ids.isEmpty() && !ids.contains(entry.id())) {
				return false;
			}
			if (!types.isEmpty() && !types.contains(entry.type())) {
				return false;
			}
			if (versions.contains("last") || versions.contains("first") || versions.contains("all")) {
				return true;
			}
			Instant version = instant("match[version]", entry.version());
			return versions.stream().anyMatch(v -> instant("match[version]", v).equals(version));
		}
	}
}
