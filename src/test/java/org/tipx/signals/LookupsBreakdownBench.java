package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipx.Api;
import org.tipx.TipxIntegrationTest;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.audit.internal.AuditLedger;
import org.tipx.audit.internal.ChainAnchor;
import org.tipx.audit.internal.LockedGroupCommit;
import org.tipx.signals.SignalFixtures.Analyst;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.Lookups;

import tools.jackson.databind.JsonNode;

/**
 * Where a lookup's time goes (ADR 0029): imports {@code bench.reports} generated reports (default 20,000), then times,
 * from 1 and from 4 concurrent clients on the same values, the bare indexed query, the same query in a read-only
 * transaction, an audit entry alone (its group written through the head's lock as before ADR 0029, and in one
 * statement as now), a lookup as it was before (read-only transaction, locked group) and the {@link Lookups} call as it
 * is; each stage twice, interleaved, so that a
 * shared machine's noise shows as a difference between rounds. Not part of {@code ./mvnw verify} (the name does not
 * end in Tests); run with {@code -Dit.test=LookupsBreakdownBench}.
 */
@TipxIntegrationTest
@TestPropertySource(properties = "tipx.signals.import.max-size=8GB")
class LookupsBreakdownBench {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Lookups lookups;

	@Autowired
	AuditTrail audit;

	@Autowired
	Canonicalisers canonicalisers;

	@Autowired
	ReportStore store;

	@Autowired
	AuditLedger ledger;

	@Autowired
	ChainAnchor anchor;

	@Test
	void whereALookupsTimeGoes() throws Exception {
		int reports = Integer.getInteger("bench.reports", 20_000);
		int count = Integer.getInteger("bench.lookups", 2_000);
		SignalsWorkload workload = new SignalsWorkload(reports);
		Path file = Path.of(System.getProperty("bench.dir", "target/signals-bench"), "reports-" + reports + ".csv");
		if (!Files.exists(file)) {
			workload.write(file);
		}
		SignalFixtures signals = new SignalFixtures(new Api(port));
		Analyst analyst = signals.analyst("TH");
		Uploads uploads = new Uploads(port);
		var upload = uploads.sendChunked(analyst.token(), Uploads.CSV, () -> open(file), null);
		assertThat(upload.status()).as(upload.body()).isEqualTo(202);
		String importId = upload.json().get("id").asString();
		JsonNode done = uploads.status(analyst.token(), importId);
		while (Set.of("RECEIVED", "IMPORTING").contains(done.get("state").asString())) {
			Thread.sleep(1_000);
			done = uploads.status(analyst.token(), importId);
		}
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		while (jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE completion_date IS NULL",
				Long.class) > 0) {
			Thread.sleep(500); // the import's alerts, computed after its commit, would load the measurement
		}

		Viewer viewer = new Viewer(UUID.fromString(analyst.organisationId()), Set.of(), null);
		SplittableRandom random = new SplittableRandom(7);
		List<RawIndicator> phones = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int r = random.nextInt(reports);
			phones.add(new RawIndicator(IndicatorType.PHONE, SignalsWorkload.phone(r / 8, r % 8, "", random), null,
					null, null));
		}
		List<String> canonicals = phones.stream().map(raw -> canonicalisers.canonicalise(raw).canonical()).toList();
		String bareSql = "SELECT r.* FROM signals_report r WHERE r.id IN (SELECT report_id FROM signals_indicator"
				+ " WHERE type = ? AND canonical = ? AND valid)";
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		AtomicInteger run = new AtomicInteger();
		LockedGroupCommit locked = new LockedGroupCommit(ledger, anchor);
		java.util.function.Consumer<AuditRecord> lockedTrail = locked.trail();
		List<Stage> stages = List.of(
				new Stage("bare indexed query", i -> jdbc.queryForList(bareSql, "phone", canonicals.get(i))),
				new Stage("bare query in a read-only transaction",
						i -> readOnly.executeWithoutResult(s -> jdbc.queryForList(bareSql, "phone", canonicals.get(i)))),
				new Stage("audit entry, group through head's lock", i -> lockedTrail.accept(entry(canonicals.get(i)))),
				new Stage("audit entry, group in one statement", i -> audit.record(entry(canonicals.get(i)))),
				new Stage("lookup as before (tx + locked group)", i -> readOnly.executeWithoutResult(s -> {
					ValueKey key = new ValueKey(IndicatorType.PHONE, canonicalisers.canonicalise(phones.get(i)).canonical());
					long seen = store.holding(key).stream().filter(r -> viewer.sees(r, java.time.Instant.now())).count();
					lockedTrail.accept(new AuditRecord("signals.lookup", "signal_value", key.canonical(),
							AuditRecord.Outcome.SUCCESS, "matches visible=" + seen));
				})),
				new Stage("Lookups.lookup in a read-only tx", i -> readOnly.executeWithoutResult(s -> lookups
						.lookup(viewer, "breakdown-" + run.get() + "-" + i / 500, List.of(phones.get(i))))),
				new Stage("Lookups.lookup (now)", i -> lookups.lookup(viewer, "breakdown-" + run.get() + "-" + i / 500,
						List.of(phones.get(i)))));
		List<String> out = new ArrayList<>();
		for (int clients : new int[] { 1, 4 }) {
			for (int round = 1; round <= 2; round++) {
				for (Stage stage : stages) {
					run.incrementAndGet();
					long[] latencies = concurrently(clients, count, stage.call());
					out.add(String.format(Locale.ROOT, "%d client(s), round %d, %-40s p50 %6.2f ms  p90 %6.2f ms"
							+ "  p99 %6.2f ms", clients, round, stage.name(), percentile(latencies, 50),
							percentile(latencies, 90), percentile(latencies, 99)));
				}
			}
		}
		locked.close();
		System.out.println("\n==== lookups breakdown (" + reports + " reports, " + count + " lookups) ====");
		out.forEach(System.out::println);
		System.out.println("=======================\n");
	}

	private static AuditRecord entry(String canonical) {
		return new AuditRecord("signals.lookup", "signal_value", canonical, AuditRecord.Outcome.SUCCESS,
				"matches visible=1");
	}

	private record Stage(String name, IntConsumer call) {
	}

	private static long[] concurrently(int clients, int count, IntConsumer call) throws Exception {
		long[] latencies = new long[count];
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				running.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						long t = System.nanoTime();
						call.accept(i);
						latencies[i] = System.nanoTime() - t;
					}
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return latencies;
	}

	private static InputStream open(Path file) {
		try {
			return Files.newInputStream(file);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static double percentile(long[] nanos, int p) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}
}
