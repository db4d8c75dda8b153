package org.tipx.signals.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.shared.CountryCode;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.correlation.Correlation;
import org.tipx.signals.filing.Filing;
import org.tipx.signals.filing.NewReport;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.Viewer;

/**
 * The bulk path prepares checks and canonical forms on worker threads, a batch ahead of the writes: these imports are
 * big enough for several batches and several chunks per batch, so the order of filing, the links across batch
 * boundaries and the refusal of one report deep inside the file all cross the threads.
 */
@TipxIntegrationTest
class BulkFilingIntegrationTests {

	private static final int REPORTS = 4_500;

	@LocalServerPort
	int port;

	@Autowired
	BulkFiling bulk;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Filing filing;

	@Autowired
	BulkRows rows;

	@Autowired
	BulkCorrelation bulkCorrelation;

	@Autowired
	Correlation correlation;

	@Test
	void manyBatchesAreFiledInOrderAndLinkAcrossBatchBoundaries() {
		Viewer filer = filer();
		UUID importId = UUID.randomUUID();
		String run = UUID.randomUUID().toString().substring(0, 8);
		BulkFiling.Result result = new TransactionTemplate(transactions).execute(status -> {
			BulkFiling.Batch batch = bulk.begin(importId, filer);
			for (int i = 0; i < REPORTS; i++) {
				batch.add(report(run, i, false), "report " + i);
			}
			return batch.finish("test");
		});

		assertThat(result.filed()).isEqualTo(REPORTS);
		// every third report is a mistyped e-mail: stored as invalid, as the API does
		assertThat(result.invalid()).isEqualTo(REPORTS / 3);
		List<String> titles = jdbc.queryForList(
				"SELECT title FROM signals_report WHERE import_id = ? ORDER BY created_at, id", String.class, importId);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < REPORTS; i++) {
			expected.add(title(run, i));
		}
		assertThat(titles).as("filed in the order given, one microsecond apart").isEqualTo(expected);
		// reports 1,999 and 2,000 (the first two batches) share an e-mail; so do 3,999 and 4,000
		assertThat(network(importId, run, 1_999)).isEqualTo(network(importId, run, 2_000));
		assertThat(network(importId, run, 3_999)).isEqualTo(network(importId, run, 4_000));
		assertThat(network(importId, run, 1_998)).isNotEqualTo(network(importId, run, 1_999));
		// the survivor is the oldest network, that of the first report filed
		assertThat(network(importId, run, 2_000)).isEqualTo(jdbc.queryForObject(
				"SELECT network_id FROM signals_report WHERE import_id = ? AND title = ?", UUID.class, importId,
				title(run, 1_999)));
		Integer rows = jdbc.queryForObject("SELECT count(*) FROM signals_indicator i JOIN signals_report r"
				+ " ON r.id = i.report_id WHERE r.import_id = ? AND i.derived_from IS NULL", Integer.class, importId);
		assertThat(rows).isEqualTo(REPORTS * 2);
	}

	@Test
	void valuesFirstCarriedInALaterBatchLinkToReportsFiledBeforeTheImportAndTheirSightingsSpanTheWholeImport() {
		Viewer filer = filer();
		UUID importId = UUID.randomUUID();
		String run = UUID.randomUUID().toString().substring(0, 8);
		String walletA = "0x" + UUID.randomUUID().toString().replace("-", "") + "0000000a";
		String walletB = "0x" + UUID.randomUUID().toString().replace("-", "") + "0000000b";
		UUID beforeA = filing.file(filer, walletReport(run + " before A", walletA)).id();
		UUID beforeB = filing.file(filer, walletReport(run + " before B", walletB)).id();
		new TransactionTemplate(transactions).execute(status -> {
			BulkFiling.Batch batch = bulk.begin(importId, filer);
			for (int i = 0; i < REPORTS; i++) {
				// wallet A in the first batch and again in the third; wallet B only in the third
				NewReport report = switch (i) {
					case 10 -> walletReport(title(run, i), walletA, "2026-09-20T08:00:00Z");
					case 4_200 -> walletReport(title(run, i), walletA, "2026-10-03T08:00:00Z");
					case 4_300 -> walletReport(title(run, i), walletB, "2026-10-02T08:00:00Z");
					default -> report(run, i, false);
				};
				batch.add(report, "report " + i);
			}
			return batch.finish("test");
		});

		UUID networkA = jdbc.queryForObject("SELECT network_id FROM signals_report WHERE id = ?", UUID.class, beforeA);
		UUID networkB = jdbc.queryForObject("SELECT network_id FROM signals_report WHERE id = ?", UUID.class, beforeB);
		assertThat(network(importId, run, 10)).as("the report filed before the import is the oldest: its network")
				.isEqualTo(networkA);
		assertThat(network(importId, run, 4_200)).isEqualTo(networkA);
		assertThat(network(importId, run, 4_300)).isEqualTo(networkB);
		assertThat(networkA).isNotEqualTo(networkB);
		var sighting = jdbc.queryForMap("SELECT first_seen, last_seen FROM signals_value WHERE type = 'crypto_address'"
				+ " AND canonical = ?", walletA);
		assertThat(((java.sql.Timestamp) sighting.get("first_seen")).toInstant())
				.isEqualTo(Instant.parse("2026-09-20T08:00:00Z"));
		assertThat(((java.sql.Timestamp) sighting.get("last_seen")).toInstant())
				.isEqualTo(Instant.parse("2026-10-03T08:00:00Z"));
	}

	@Test
	void aReportRefusedInALaterBatchFailsTheImportNamingItAndNothingIsKept() {
		Viewer filer = filer();
		UUID importId = UUID.randomUUID();
		String run = UUID.randomUUID().toString().substring(0, 8);

		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			BulkFiling.Batch batch = bulk.begin(importId, filer);
			for (int i = 0; i < REPORTS; i++) {
				batch.add(report(run, i, i == 4_321), "report key-" + i);
			}
			batch.finish("test");
		})).isInstanceOf(BulkFiling.Refused.class).hasMessageStartingWith("report key-4321 was refused:")
				.hasMessageContaining("observedAt");

		assertThat(jdbc.queryForObject("SELECT count(*) FROM signals_report WHERE import_id = ?", Integer.class,
				importId)).isZero();
	}

	@Test
	void aReportFiledWhileAnImportIsWrittenIsFiledAtOnceAndLinkedToTheImportWhenItCommits() throws Exception {
		Viewer importer = filer();
		Viewer single = filer();
		UUID importId = UUID.randomUUID();
		String run = UUID.randomUUID().toString().substring(0, 8);
		String wallet = "0x" + UUID.randomUUID().toString().replace("-", "") + "feedbeef";
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch mayFinish = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<BulkFiling.Result> imported = threads.submit(() -> new TransactionTemplate(transactions)
					.execute(status -> {
						BulkFiling.Batch batch = bulk.begin(importId, importer);
						// more than one batch, so reports are already written when the single filing comes
						for (int i = 0; i < 2_500; i++) {
							batch.add(i == 7 ? walletReport(run + " imported", wallet) : report(run, i, false),
									"report " + i);
						}
						written.countDown();
						await(mayFinish);
						return batch.finish("test");
					}));
			assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
			Future<StoredReport> filed = threads.submit(() -> filing.file(single, walletReport(run + " single", wallet)));

			StoredReport report = filed.get(20, TimeUnit.SECONDS);
			assertThat(imported.isDone()).as("the single filing returned while the import was still open").isFalse();
			mayFinish.countDown();
			assertThat(imported.get(60, TimeUnit.SECONDS).filed()).isEqualTo(2_500);

			UUID importedReport = jdbc.queryForObject("SELECT id FROM signals_report WHERE import_id = ? AND title = ?",
					UUID.class, importId, run + " imported");
			UUID importedNetwork = jdbc.queryForObject("SELECT network_id FROM signals_report WHERE id = ?", UUID.class,
					importedReport);
			assertThat(jdbc.queryForObject("SELECT network_id FROM signals_report WHERE id = ?", UUID.class,
					report.id())).as("linked through the shared wallet once the import committed")
					.isEqualTo(importedNetwork);
		}
		finally {
			mayFinish.countDown();
			threads.shutdownNow();
		}
	}

	@Test
	void aReportFiledWhileTheImportLinksIsReconciledWithItAndWithTheNetworksItMerged() throws Exception {
		Viewer importer = filer();
		Viewer single = filer();
		UUID importId = UUID.randomUUID();
		String run = UUID.randomUUID().toString().substring(0, 8);
		String w1 = wallet();
		String w2 = wallet();
		// two networks of their own before the import: the second filed (w1) is the younger
		UUID older = filing.file(single, walletReport(run + " older", w2)).id();
		UUID younger = filing.file(single, walletReport(run + " younger", w1)).id();
		CountDownLatch planned = new CountDownLatch(1);
		CountDownLatch filed = new CountDownLatch(1);
		ExecutorService threads = Executors.newSingleThreadExecutor();
		try {
			Future<UUID> imported = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
				UUID reportId = UUID.randomUUID();
				NewReport request = walletReport(run + " imported", w1);
				StoredReport report = new StoredReport(reportId, importer.organisationId(), importer.accountId(),
						request.title(), null, "TH", request.observedAt(), Category.SCAM_COMPOUND, Tlp.GREEN, null,
						Set.of(), null, Instant.now(), null, null, null, UUID.randomUUID());
				rows.write(importId, List.of(report),
						filing.canonicalise(reportId, request.indicators(), new CountryCode("TH")));
				// linked at this moment (to the younger network, through w1), without the lock
				BulkCorrelation.Plan plan = bulkCorrelation.plan(importId);
				planned.countDown();
				await(filed);
				correlation.lock();
				bulkCorrelation.apply(plan);
				return reportId;
			}));
			assertThat(planned.await(60, TimeUnit.SECONDS)).isTrue();
			// holds w1 and w2: merges the younger network into the older, and links to the import's report too
			NewReport both = new NewReport(run + " both", null, "TH", Instant.parse("2026-10-01T08:00:00Z"),
					"SCAM_COMPOUND", "GREEN", null, null, null,
					List.of(new NewReport.NewIndicator("crypto_address", w1, null, null),
							new NewReport.NewIndicator("crypto_address", w2, null, null)));
			UUID between = filing.file(single, both).id();
			filed.countDown();
			UUID importedReport = imported.get(60, TimeUnit.SECONDS);

			UUID network = networkOf(older);
			assertThat(List.of(networkOf(younger), networkOf(between), networkOf(importedReport)))
					.as("one network, the oldest surviving").containsOnly(network);
		}
		finally {
			filed.countDown();
			threads.shutdownNow();
		}
	}

	private UUID networkOf(UUID report) {
		return jdbc.queryForObject("SELECT network_id FROM signals_report WHERE id = ?", UUID.class, report);
	}

	private static String wallet() {
		return "0x" + UUID.randomUUID().toString().replace("-", "") + "feedbeef";
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static NewReport walletReport(String title, String wallet) {
		return walletReport(title, wallet, "2026-10-01T08:00:00Z");
	}

	private static NewReport walletReport(String title, String wallet, String observedAt) {
		return new NewReport(title, null, "TH", Instant.parse(observedAt), "SCAM_COMPOUND", "GREEN", null, null, null,
				List.of(new NewReport.NewIndicator("crypto_address", wallet, null, null)));
	}

	private Viewer filer() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String organisation = fixtures.organisation("LAW_ENFORCEMENT", "TH");
		String account = fixtures.account(organisation, "ANALYST");
		return new Viewer(UUID.fromString(organisation), Set.of(), UUID.fromString(fixtures.accountId(account)));
	}

	/**
	 * Report {@code i}: an e-mail of its own (mistyped on every third) and a second one, shared with the next report
	 * where {@code i} is 1,999 or 3,999, so that the link crosses from one batch of 2,000 into the next.
	 */
	private static NewReport report(String run, int i, boolean refused) {
		int shared = i == 2_000 || i == 4_000 ? i - 1 : i;
		String email = i % 3 == 0 ? "not-an-email-" + run + "-" + i : "person" + i + "." + run + "@example.org";
		List<NewReport.NewIndicator> indicators = List.of(new NewReport.NewIndicator("email", email, null, null),
				new NewReport.NewIndicator("email", "shared" + shared + "." + run + "@example.net", null, null));
		return new NewReport(title(run, i), null, "TH", refused ? null : Instant.parse("2026-10-01T08:00:00Z"), "SCAM_COMPOUND",
				"GREEN", null, null, null, indicators);
	}

	private static String title(String run, int i) {
		return run + " report " + i;
	}

	private UUID network(UUID importId, String run, int i) {
		return jdbc.queryForObject("SELECT network_id FROM signals_report WHERE import_id = ? AND title = ?", UUID.class,
				importId, title(run, i));
	}
}
