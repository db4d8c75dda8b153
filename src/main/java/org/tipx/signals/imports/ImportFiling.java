package org.tipx.signals.imports;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.signals.filing.NewReport;
import org.tipx.signals.internal.Viewer;

/**
 * Files a received import in the background through {@link BulkFiling} (the same checks and results as filing each
 * report on its own, written and linked set-based), all in one transaction, so the import lands whole or not at all. Imports run one after another; progress is committed apart so that the status
 * resource shows it.
 */
@Service
class ImportFiling {

	private static final Logger log = LoggerFactory.getLogger(ImportFiling.class);

	private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "tipx-import"));

	private final BulkFiling filing;

	private final Staging staging;

	private final ImportLedger ledger;

	private final TransactionTemplate transaction;

	private final AuditTrail audit;

	private final Clock clock;

	ImportFiling(BulkFiling filing, Staging staging, ImportLedger ledger, PlatformTransactionManager transactions,
			AuditTrail audit, Clock clock) {
		this.filing = filing;
		this.staging = staging;
		this.ledger = ledger;
		this.transaction = new TransactionTemplate(transactions);
		this.audit = audit;
		this.clock = clock;
	}

	/** Queues the import; it is filed as the caller, who is named in every audit entry. */
	void start(UUID importId, Viewer filer) {
		SecurityContext caller = SecurityContextHolder.createEmptyContext();
		caller.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		worker.execute(new DelegatingSecurityContextRunnable(() -> run(importId, filer), caller));
	}

	private void run(UUID importId, Viewer filer) {
		try {
			Totals totals = transaction.execute(status -> fileAll(importId, filer));
			audit.record(AuditRecord.success("signals.import", "signal_import", importId)
					.withDetail("done: reports=" + totals.filed() + " invalidIndicators=" + totals.invalid()));
		}
		catch (RuntimeException e) {
			String detail = e instanceof BulkFiling.Refused refused ? refused.getMessage()
					: "filing broke off (" + e.getClass().getSimpleName() + ")";
			log.error("Import {} failed and was rolled back", importId, e);
			staging.delete(importId);
			ledger.fail(importId, detail + "; nothing was filed", clock.instant());
			audit.record(new AuditRecord("signals.import", "signal_import", importId.toString(),
					AuditRecord.Outcome.FAILED, detail + "; rolled back: its signals.report.file entries"
							+ " 'via import " + importId + "' were not kept"));
		}
	}

	private Totals fileAll(UUID importId, Viewer filer) {
		long[] lastProgress = { System.nanoTime() };
		BulkFiling.Batch batch = filing.begin(importId, filer);
		staging.eachReport(importId, rows -> {
			StagedRow first = rows.get(0);
			batch.add(report(rows), "report '" + first.reportKey() + "' (row " + first.number() + ")");
			if (System.nanoTime() - lastProgress[0] > PROGRESS_EVERY_NANOS) {
				ledger.filing(importId, batch.filed());
				lastProgress[0] = System.nanoTime();
			}
		});
		BulkFiling.Result result = batch.finish("import " + importId);
		ledger.done(importId, result.filed(), result.invalid(), clock.instant());
		staging.delete(importId);
		return new Totals(result.filed(), result.invalid());
	}

	private static NewReport report(List<StagedRow> rows) {
		StagedRow first = rows.get(0);
		List<NewReport.NewIndicator> indicators = rows.stream()
				.map(r -> new NewReport.NewIndicator(r.type(), r.value(), r.platform(), r.chain())).toList();
		return new NewReport(first.title(), first.description(), first.reporterCountry(), first.observedAt(),
				first.category(), first.tlp(), null, null, first.confidence(), indicators);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		worker.shutdown();
		if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
			log.warn("An import was still being filed at shutdown; it is rolled back and marked failed at the next start");
			worker.shutdownNow();
		}
	}

	private record Totals(long filed, long invalid) {
	}
}
