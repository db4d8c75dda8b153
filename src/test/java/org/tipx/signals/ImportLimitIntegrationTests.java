package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;

/**
 * The import size limit, set to 64 KB here (its own Spring context and database: keep every limit test in this
 * class). A file over the limit is refused with 413, whether or not it declares its length, and nothing is filed.
 */
@TipxIntegrationTest
@TestPropertySource(properties = "tipx.signals.import.max-size=64KB")
class ImportLimitIntegrationTests {

	@LocalServerPort
	int port;

	Uploads uploads;

	Analyst analyst;

	@BeforeEach
	void analyst() {
		SignalFixtures signals = new SignalFixtures(new Api(port));
		uploads = new Uploads(port);
		analyst = signals.analyst("KH");
	}

	@Test
	void aFileDeclaringMoreThanTheLimitIsRefusedBeforeItIsRead() {
		var upload = uploads.send(analyst.token(), Uploads.CSV, file(100 * 1024), null);

		assertThat(upload.status()).as(upload.body()).isEqualTo(413);
		assertThat(upload.isProblem()).isTrue();
		assertThat(upload.json().get("detail").asString()).contains("larger than the import limit of 64 KB");
		assertThat(upload.json().get("limitBytes").asLong()).isEqualTo(64 * 1024);
		assertThat(uploads.get(analyst.token(), "/api/v1/signals/imports").json().size()).isZero();
	}

	@Test
	void aStreamedFileIsCutOffAtTheLimitAndItsKeyCanBeUsedAgain() {
		String key = Fixtures.unique("key");
		byte[] tooLarge = file(100 * 1024);

		var upload = uploads.sendChunked(analyst.token(), Uploads.CSV, () -> new ByteArrayInputStream(tooLarge), key);

		assertThat(upload.status()).as(upload.body()).isEqualTo(413);
		var imports = uploads.get(analyst.token(), "/api/v1/signals/imports").json();
		var cutOff = imports.valueStream().filter(i -> i.get("errorsTotal").asLong() == 1).findFirst().orElseThrow();
		assertThat(cutOff.get("state").asString()).isEqualTo("REJECTED");
		assertThat(cutOff.get("bytesRead").asLong()).isGreaterThan(64 * 1024);
		assertThat(cutOff.has("idempotencyKey")).isFalse();
		assertThat(cutOff.get("reportsFiled").asLong()).isZero();

		byte[] fits = file(60 * 1024);
		var retry = uploads.sendChunked(analyst.token(), Uploads.CSV, () -> new ByteArrayInputStream(fits), key);
		assertThat(retry.status()).as(retry.body()).isEqualTo(202);
		var done = uploads.awaitEnd(analyst.token(), retry.json().get("id").asString());
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("bytesRead").asLong()).isEqualTo(fits.length);
	}

	/** A valid CSV file of about {@code size} bytes, one report per row, each with a phone number of its own. */
	private static byte[] file(int size) {
		StringBuilder csv = new StringBuilder(ImportIntegrationTests.HEADER).append('\n');
		String title = Fixtures.unique("limit");
		for (int n = 0; csv.length() < size - 120; n++) {
			csv.append(ImportIntegrationTests.row("r" + n, title, "phone", "+855 12 " + (100_000 + n), ""))
					.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.US_ASCII);
	}
}
