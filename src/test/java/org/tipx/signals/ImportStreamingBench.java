package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;

/**
 * Shows that an import streams: files of 100 MB and 1 GB, generated on the fly, pass through the whole first pass
 * (decode, parse, check every row, stage with COPY, check report consistency) with the heap staying flat. The last
 * row is bad, so each import is rejected once the whole file has been read and nothing is filed. Beside it, the
 * baseline of buffering a body in memory, and the speed of filing (pass 2) against filing report by report through
 * the API.
 * <p>
 * Not part of {@code ./mvnw verify} (the name does not end in Tests); run {@code bench/import-streaming.sh}, which
 * caps the heap at 256 MB.
 */
@TipxIntegrationTest
@TestPropertySource(properties = "tipx.signals.import.max-size=2GB")
class ImportStreamingBench {

	private static final long MB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Test
	void importsStreamInConstantMemory() throws Exception {
		SignalFixtures signals = new SignalFixtures(new Api(port));
		Uploads uploads = new Uploads(port);
		Analyst analyst = signals.analyst("KH");
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "machine: %d cores, max heap %d MB, Java %s",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / MB,
				System.getProperty("java.version")));
		lines.add("heap after GC before any run: " + settledHeapMb() + " MB");

		long baseline = buffered(64 * MB);
		lines.add(String.format(Locale.ROOT, "baseline, 64 MB body read into memory (readAllBytes): heap after GC "
				+ "while held %d MB", baseline));

		for (String size : System.getProperty("bench.sizesMb", "100,1024").split(",")) {
			lines.add(firstPass(uploads, analyst, Long.parseLong(size.strip()) * MB));
		}
		int reports = Integer.getInteger("bench.reports", 5_000);
		if (reports > 0) {
			lines.addAll(filing(signals, uploads, analyst, reports, 300));
		}
		System.out.println("\n==== import streaming bench ====");
		lines.forEach(System.out::println);
		System.out.println("================================\n");
	}

	/** Streams a generated file with a bad last row; reports heap, throughput and the rejection. */
	private String firstPass(Uploads uploads, Analyst analyst, long size) throws Exception {
		HeapWatch watch = HeapWatch.begin();
		long started = System.nanoTime();
		var upload = uploads.sendChunked(analyst.token(), Uploads.CSV, () -> new GeneratedCsv(size, true), null);
		double seconds = (System.nanoTime() - started) / 1e9;
		watch.end();
		assertThat(upload.status()).as(upload.body()).isEqualTo(400);
		JsonNode problem = upload.json();
		assertThat(problem.get("errorsTotal").asLong()).isEqualTo(1);
		JsonNode status = uploads.status(analyst.token(), problem.get("importId").asString());
		long rows = status.get("rowsRead").asLong();
		long bytes = status.get("bytesRead").asLong();
		return String.format(Locale.ROOT, "pass 1, %5d MB file (%,d rows): %.1f s, %.1f MB/s, %,.0f rows/s;"
				+ " heap after GC min %d / max %d MB over %d samples; rejected by row %s as expected",
				bytes / MB, rows, seconds, bytes / MB / seconds, rows / seconds, watch.min(), watch.max(),
				watch.samples(), problem.get("errors").get(0).get("row").asString());
	}

	/** Files a clean file of reports (pass 2), and some reports one by one through the API as the baseline. */
	private List<String> filing(SignalFixtures signals, Uploads uploads, Analyst analyst, int reports, int viaApi)
			throws InterruptedException {
		StringBuilder csv = new StringBuilder(ImportIntegrationTests.HEADER).append('\n');
		String title = Fixtures.unique("bench");
		for (int r = 0; r < reports; r++) {
			for (int i = 0; i < 4; i++) {
				csv.append(GeneratedCsv.row(title, r, i));
			}
		}
		HeapWatch watch = HeapWatch.begin();
		long started = System.nanoTime();
		var upload = uploads.send(analyst.token(), Uploads.CSV, csv.toString(), null);
		assertThat(upload.status()).as(upload.body()).isEqualTo(202);
		JsonNode done = uploads.awaitEnd(analyst.token(), upload.json().get("id").asString(), 1_800);
		double seconds = (System.nanoTime() - started) / 1e9;
		watch.end();
		assertThat(done.get("state").asString()).isEqualTo("DONE");

		long apiStarted = System.nanoTime();
		for (int r = 0; r < viaApi; r++) {
			List<Map<String, Object>> indicators = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				String[] typeAndValue = GeneratedCsv.indicator(1_000_000 + r, i);
				indicators.add(SignalFixtures.indicator(typeAndValue[0], typeAndValue[1]));
			}
			signals.file(analyst, SignalFixtures.report("GREEN", "KH", indicators));
		}
		double apiSeconds = (System.nanoTime() - apiStarted) / 1e9;
		return List.of(
				String.format(Locale.ROOT, "pass 2, import of %,d reports x 4 indicators (%d KB): %.1f s, %.0f reports/s;"
						+ " heap after GC min %d / max %d MB", reports, csv.length() / 1024, seconds,
						reports / seconds, watch.min(), watch.max()),
				String.format(Locale.ROOT, "baseline, %d reports x 4 indicators filed one by one with POST"
						+ " /api/v1/signals/reports: %.1f s, %.0f reports/s", viaApi, apiSeconds, viaApi / apiSeconds));
	}

	private static long buffered(long size) throws Exception {
		byte[] body;
		try (InputStream in = new GeneratedCsv(size, false)) {
			body = in.readAllBytes();
		}
		long heap = settledHeapMb();
		assertThat(body).hasSize((int) size);
		return heap;
	}

	static long settledHeapMb() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
	}

	/** Samples the heap after a GC every two seconds while a run goes on. */
	private static final class HeapWatch extends Thread {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);

		private final AtomicLong max = new AtomicLong();

		private final AtomicLong samples = new AtomicLong();

		static HeapWatch begin() {
			HeapWatch watch = new HeapWatch();
			watch.setDaemon(true);
			watch.start();
			return watch;
		}

		@Override
		public void run() {
			while (running.get()) {
				try {
					Thread.sleep(2_000);
				}
				catch (InterruptedException e) {
					return;
				}
				long heap = settledHeapMb();
				min.accumulateAndGet(heap, Math::min);
				max.accumulateAndGet(heap, Math::max);
				samples.incrementAndGet();
			}
		}

		void end() throws InterruptedException {
			running.set(false);
			interrupt();
			join();
		}

		long min() {
			return samples.get() == 0 ? -1 : min.get();
		}

		long max() {
			return max.get();
		}

		long samples() {
			return samples.get();
		}
	}

	/**
	 * A CSV import file of a given size, made up while it is read: five indicators per report, of varied types, each
	 * value unique. Optionally ends with a row whose TLP is not one.
	 */
	static final class GeneratedCsv extends InputStream {

		private final long size;

		private final boolean badLastRow;

		private final String title = Fixtures.unique("stream");

		private byte[] current = (ImportIntegrationTests.HEADER + "\n").getBytes(StandardCharsets.US_ASCII);

		private int position;

		private long produced;

		private long row;

		private boolean ended;

		GeneratedCsv(long size, boolean badLastRow) {
			this.size = size;
			this.badLastRow = badLastRow;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (position == current.length && !next()) {
				return -1;
			}
			int n = Math.min(length, current.length - position);
			System.arraycopy(current, position, buffer, offset, n);
			position += n;
			produced += n;
			return n;
		}

		private boolean next() {
			if (ended) {
				return false;
			}
			long left = size - produced;
			String text;
			if (badLastRow && left <= 200) {
				text = "last," + title + ",SCAM_COMPOUND,PURPLE,KH,2026-10-01,phone,+85512000000,,\n";
				ended = true;
			}
			else {
				text = row(title, row / 5, (int) (row % 5));
				row++;
				if (!badLastRow && left <= text.length()) {
					text = text.substring(0, (int) left);
					ended = true;
				}
			}
			current = text.getBytes(StandardCharsets.US_ASCII);
			position = 0;
			return true;
		}

		static String row(String title, long report, int indicator) {
			String[] typeAndValue = indicator(report, indicator);
			String chain = typeAndValue[0].equals("crypto_address") ? "tron" : "";
			return "k" + report + "," + title + " " + report + ",SCAM_COMPOUND,GREEN,KH,2026-10-01," + typeAndValue[0]
					+ "," + typeAndValue[1] + ",," + chain + "\n";
		}

		/** A unique value of one of five types for the report's n-th indicator. */
		static String[] indicator(long report, int n) {
			String digits = String.format(Locale.ROOT, "%06d", report % 1_000_000);
			String tag = Long.toString(report, 36);
			return switch (n % 5) {
				case 0 -> new String[] { "phone", "+855 1" + (2 + report / 1_000_000 % 7) + " " + digits };
				case 1 -> new String[] { "email", "hr." + tag + "@recruit-" + tag + ".com" };
				case 2 -> new String[] { "url", "https://jobs-" + tag + ".com/apply?ref=" + digits };
				case 3 -> new String[] { "domain", "payroll-" + tag + ".net" };
				default -> new String[] { "bank_account", "KH" + digits + tag };
			};
		}
	}
}
