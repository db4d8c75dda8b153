package org.tipx.signals.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.correlation.Correlation;
import org.tipx.signals.filing.Filing;
import org.tipx.signals.filing.NewReport;
import org.tipx.signals.filing.ReportRules;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.Viewer;

/**
 * Files many reports at once for a bulk import, to the same result as filing them one by one through {@link Filing}
 * in the order given: the same checks and canonical forms (the same code), the same rows, the same networks (the
 * oldest network surviving a merge), the same flags. Reports are written with {@code COPY} in batches and linked in one
 * set-based pass ({@link BulkCorrelation}) once all are written, from holders kept in memory as they were written; early warnings follow after commit, one
 * {@link ImportFiled} event for the whole import, each report judged on the network as it stood when it was filed.
 * Runs in the caller's transaction, which takes the correlation lock only to link, at the end (ADR 0021).
 */
@Service
public class BulkFiling {

	private static final Logger log = LoggerFactory.getLogger(BulkFiling.class);

	private static final int BATCH = 2_000;

	/** Threads preparing checks and canonical forms for imports: one per core, shared by all imports. */
	private final ForkJoinPool workers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

	private final Filing filing;

	private final BulkRows rows;

	private final BulkCorrelation bulkCorrelation;

	private final Correlation correlation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Canonicalisers canonicalisers;

	BulkFiling(Filing filing, BulkRows rows, BulkCorrelation bulkCorrelation, Correlation correlation, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, Canonicalisers canonicalisers) {
		this.filing = filing;
		this.canonicalisers = canonicalisers;
		this.rows = rows;
		this.bulkCorrelation = bulkCorrelation;
		this.correlation = correlation;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	/**
	 * Starts filing an import's reports; must be called inside the import's transaction. Takes no lock: the reports
	 * are written unseen by anyone else until commit, and the correlation lock is taken only in {@link Batch#finish},
	 * so single filings go on while the import's reports are written (ADR 0021).
	 */
	public Batch begin(UUID importId, Viewer filer) {
		return new Batch(importId, filer, clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * The reports of one import, written as they come in batches. Each report gets its own creation time, a
	 * microsecond after the one before, so that "oldest" means "filed first" just as when filed one by one. Checks
	 * and canonical forms (pure computation) run on {@link #workers} threads, one batch ahead of the writes: while the
	 * caller's thread copies one batch into PostgreSQL, the next is being prepared. Writes stay on the caller's thread,
	 * in its transaction.
	 */
	public final class Batch {

		private final UUID importId;

		private final Viewer filer;

		private final Instant start;

		private final List<Pending> pending = new ArrayList<>();

		private final RepeatedSpellings spellings = new RepeatedSpellings(canonicalisers);

		/** The import's holders, kept as written so the linking need not read them back (ADR 0030). */
		private final BulkCorrelation.Tracking tracking;

		private long holdersNanos;

		private List<Future<Prepared>> inFlight = List.of();

		private long added;

		private long filed;

		private long invalid;

		private long indicatorRows;

		private long checkNanos;

		private long waitNanos;

		private long writeNanos;

		Batch(UUID importId, Viewer filer, Instant start) {
			this.importId = importId;
			this.filer = filer;
			this.start = start;
			this.tracking = bulkCorrelation.track(importId);
		}

		/**
		 * Queues one report, to be checked and canonicalised exactly as {@link Filing} does. A report that
		 * {@link Filing} would refuse fails the import with {@link Refused} (naming it by {@code name}) when its batch
		 * is written, at the latest in {@link #finish}.
		 */
		public void add(NewReport request, String name) {
			pending.add(new Pending(request, name, start.plus(added++, ChronoUnit.MICROS)));
			if (pending.size() >= BATCH) {
				submit();
			}
		}

		/** Writes what is queued, links the import's reports, and queues its early warnings for after commit. */
		public Result finish(String origin) {
			submit();
			writeInFlight();
			long planning = System.nanoTime();
			// Worked out without the lock, at the state committed now; single filings go on meanwhile.
			BulkCorrelation.Plan plan = bulkCorrelation.plan(tracking);
			rows.stageSightings(importId, tracking.sightings());
			long locking = System.nanoTime();
			// From here to commit, single filings wait: only the value sightings and the reconciliation run under it.
			correlation.lock();
			long started = System.nanoTime();
			rows.recordSightings(importId);
			long sighted = System.nanoTime();
			Map<UUID, Set<UUID>> merged = bulkCorrelation.apply(plan);
			int absorbed = merged.values().stream().mapToInt(Set::size).sum();
			log.info("Import {}: {} reports, {} indicator rows; checks and canonical forms {} ms on {} threads"
					+ " ({} repeated spellings cached; writer waited {} ms for them), COPY {} ms,"
					+ " committed holders read {} ms, correlation {} ms without the lock, waited {} ms for the lock,"
					+ " then under it: value sightings {} ms, reconcile and rename {} ms ({} networks merged)", importId, filed, indicatorRows, checkNanos / 1_000_000,
					workers.getParallelism(), spellings.size(), waitNanos / 1_000_000, writeNanos / 1_000_000,
					holdersNanos / 1_000_000, (locking - planning) / 1_000_000, (started - locking) / 1_000_000,
					(sighted - started) / 1_000_000, (System.nanoTime() - sighted) / 1_000_000, absorbed);
			audit.record(AuditRecord.success("signals.report.file", "signal_import", importId)
					.withDetail("reports=" + filed + " indicatorRows=" + indicatorRows + " invalidIndicators=" + invalid
							+ " networksMerged=" + absorbed + " via " + origin));
			if (filed > 0) {
				events.publishEvent(new ImportFiled(importId, filer.organisationId()));
			}
			return new Result(filed, invalid);
		}

		/** How many reports are written so far. */
		public long filed() {
			return filed;
		}

		/** Hands the queued reports to the workers, then writes the batch handed over before (if any). */
		private void submit() {
			List<Future<Prepared>> next = new ArrayList<>();
			int chunks = Math.max(1, Math.min(workers.getParallelism(), pending.size() / 100));
			int size = (pending.size() + chunks - 1) / chunks;
			for (int from = 0; from < pending.size(); from += size) {
				List<Pending> chunk = List.copyOf(pending.subList(from, Math.min(pending.size(), from + size)));
				next.add(workers.submit(() -> prepare(chunk)));
			}
			pending.clear();
			try {
				writeInFlight();
			}
			catch (RuntimeException e) {
				next.forEach(f -> f.cancel(true));
				throw e;
			}
			inFlight = next;
		}

		private Prepared prepare(List<Pending> chunk) {
			long started = System.nanoTime();
			List<StoredReport> reports = new ArrayList<>(chunk.size());
			List<StoredIndicator> indicators = new ArrayList<>(chunk.size() * 6);
			long bad = 0;
			for (Pending p : chunk) {
				NewReport request = p.request();
				ReportRules.Checked checked;
				List<StoredIndicator> canonical;
				UUID reportId = UUID.randomUUID();
				try {
					checked = filing.check(filer, request);
					canonical = filing.canonicalise(reportId, request.indicators(), checked.country(),
							spellings::canonicalise);
				}
				catch (InvalidInputException e) {
					return new Prepared(reports, indicators, bad, new Refused(p.name(), e), System.nanoTime() - started);
				}
				reports.add(new StoredReport(reportId, filer.organisationId(), filer.accountId(), request.title().strip(),
						Filing.blankToNull(request.description()), checked.country().value(), request.observedAt(),
						checked.category(), checked.tlp(), request.sharingGroupId(), Filing.recipients(request),
						request.confidence(), p.created(), null, null, null, UUID.randomUUID()));
				indicators.addAll(canonical);
				bad += canonical.stream().filter(i -> i.derivedFrom() == null && !i.valid()).count();
			}
			return new Prepared(reports, indicators, bad, null, System.nanoTime() - started);
		}

		private void writeInFlight() {
			List<Future<Prepared>> batch = inFlight;
			inFlight = List.of();
			List<Prepared> prepared = new ArrayList<>(batch.size());
			long waited = System.nanoTime();
			for (int i = 0; i < batch.size(); i++) {
				Prepared chunk = result(batch.get(i));
				if (chunk.refused() != null) {
					batch.subList(i + 1, batch.size()).forEach(f -> f.cancel(true));
					throw chunk.refused();
				}
				prepared.add(chunk);
			}
			waitNanos += System.nanoTime() - waited;
			if (prepared.isEmpty()) {
				return;
			}
			List<StoredReport> reports = new ArrayList<>();
			List<StoredIndicator> indicators = new ArrayList<>();
			for (Prepared chunk : prepared) {
				reports.addAll(chunk.reports());
				indicators.addAll(chunk.indicators());
				invalid += chunk.invalid();
				checkNanos += chunk.nanos();
			}
			long reading = System.nanoTime();
			// before the batch is written: the committed holders of its new values, without the import's own rows
			tracking.beforeWriting(reports, indicators);
			long started = System.nanoTime();
			holdersNanos += started - reading;
			rows.write(importId, reports, indicators);
			writeNanos += System.nanoTime() - started;
			indicatorRows += indicators.size();
			filed += reports.size();
		}

		private static Prepared result(Future<Prepared> future) {
			try {
				return future.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while canonical forms were prepared", e);
			}
			catch (ExecutionException e) {
				if (e.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(e.getCause());
			}
		}
	}

	private record Pending(NewReport request, String name, Instant created) {
	}

	private record Prepared(List<StoredReport> reports, List<StoredIndicator> indicators, long invalid,
			Refused refused, long nanos) {
	}

	/** Filing refused a report of the import; names the report so the sender can find it. */
	public static final class Refused extends RuntimeException {

		private Refused(String name, InvalidInputException cause) {
			super(name + " was refused: " + cause.getMessage(), cause);
		}
	}

	/** How many reports an import filed and how many of their given indicators did not parse. */
	public record Result(long filed, long invalid) {
	}
}
