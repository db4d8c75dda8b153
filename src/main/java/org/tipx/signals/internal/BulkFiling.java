package org.tipx.signals.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;

/**
 * Files many reports at once for a bulk import, to the same result as filing them one by one through {@link Filing}
 * in the order given: the same checks and canonical forms (the same code), the same rows, the same networks (the
 * oldest network surviving a merge), the same flags. Reports are written with {@code COPY} in batches and linked in one
 * set-based pass ({@link BulkCorrelation}) once all are written; early warnings follow after commit, one
 * {@link ImportFiled} event for the whole import, each report judged on the network as it stood when it was filed.
 * Runs in the caller's transaction, which holds the correlation lock throughout.
 */
@Service
public class BulkFiling {

	private static final Logger log = LoggerFactory.getLogger(BulkFiling.class);

	private static final int BATCH = 2_000;

	private final Filing filing;

	private final BulkRows rows;

	private final BulkCorrelation bulkCorrelation;

	private final Correlation correlation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BulkFiling(Filing filing, BulkRows rows, BulkCorrelation bulkCorrelation, Correlation correlation, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.filing = filing;
		this.rows = rows;
		this.bulkCorrelation = bulkCorrelation;
		this.correlation = correlation;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Starts filing an import's reports; must be called inside the import's transaction. */
	public Batch begin(UUID importId, Viewer filer) {
		correlation.lock();
		return new Batch(importId, filer, clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * The reports of one import, written as they come in batches. Each report gets its own creation time, a
	 * microsecond after the one before, so that "oldest" means "filed first" just as when filed one by one.
	 */
	public final class Batch {

		private final UUID importId;

		private final Viewer filer;

		private final Instant start;

		private final List<StoredReport> reports = new ArrayList<>();

		private final List<StoredIndicator> indicators = new ArrayList<>();

		private long filed;

		private long invalid;

		private long indicatorRows;

		private long checkNanos;

		private long writeNanos;

		Batch(UUID importId, Viewer filer, Instant start) {
			this.importId = importId;
			this.filer = filer;
			this.start = start;
		}

		/**
		 * Checks and canonicalises one report exactly as {@link Filing} does and queues it; returns how many of its
		 * given indicators did not parse (they are stored as invalid and never link).
		 *
		 * @throws org.tipx.shared.InvalidInputException if {@link Filing} would refuse the report
		 */
		public int add(NewReport request) {
			long started = System.nanoTime();
			ReportRules.Checked checked = filing.check(filer, request);
			UUID reportId = UUID.randomUUID();
			List<StoredIndicator> canonical = filing.canonicalise(reportId, request.indicators(), checked.country());
			Instant created = start.plus(filed, ChronoUnit.MICROS);
			reports.add(new StoredReport(reportId, filer.organisationId(), filer.accountId(), request.title().strip(),
					Filing.blankToNull(request.description()), checked.country().value(), request.observedAt(),
					checked.category(), checked.tlp(), request.sharingGroupId(), Filing.recipients(request),
					request.confidence(), created, null, null, null, UUID.randomUUID()));
			indicators.addAll(canonical);
			int bad = (int) canonical.stream().filter(i -> i.derivedFrom() == null && !i.valid()).count();
			filed++;
			invalid += bad;
			checkNanos += System.nanoTime() - started;
			if (reports.size() >= BATCH) {
				flush();
			}
			return bad;
		}

		/** Writes what is queued, links the import's reports, and queues its early warnings for after commit. */
		public Result finish(String origin) {
			flush();
			long started = System.nanoTime();
			Map<UUID, Set<UUID>> merged = bulkCorrelation.correlate(importId);
			int absorbed = merged.values().stream().mapToInt(Set::size).sum();
			log.info("Import {}: {} reports, {} indicator rows; checks and canonical forms {} ms, COPY {} ms,"
					+ " correlation {} ms ({} networks merged)", importId, filed, indicatorRows, checkNanos / 1_000_000,
					writeNanos / 1_000_000, (System.nanoTime() - started) / 1_000_000, absorbed);
			audit.record(AuditRecord.success("signals.report.file", "signal_import", importId)
					.withDetail("reports=" + filed + " indicatorRows=" + indicatorRows + " invalidIndicators=" + invalid
							+ " networksMerged=" + absorbed + " via " + origin));
			if (filed > 0) {
				events.publishEvent(new ImportFiled(importId, filer.organisationId()));
			}
			return new Result(filed, invalid);
		}

		public long filed() {
			return filed;
		}

		private void flush() {
			long started = System.nanoTime();
			rows.write(importId, reports, indicators);
			writeNanos += System.nanoTime() - started;
			indicatorRows += indicators.size();
			reports.clear();
			indicators.clear();
		}
	}

	/** How many reports an import filed and how many of their given indicators did not parse. */
	public record Result(long filed, long invalid) {
	}
}
