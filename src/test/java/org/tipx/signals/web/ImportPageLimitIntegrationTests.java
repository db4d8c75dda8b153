package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * The import page under a 64 KB import limit (the same settings as {@code ImportLimitIntegrationTests}, so the two
 * share one Spring context): a larger file is refused with 413 and a message that says what to do, and nothing is
 * imported; so is a file over the server's multipart limit (10 MB), which is never even parsed.
 */
@TipxIntegrationTest
@TestPropertySource(properties = "tipx.signals.import.max-size=64KB")
class ImportPageLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aFileOverTheLimitIsRefusedWithAClearMessageAndNothingIsImported() {
		SignalWork work = new SignalWork(new Api(port));
		Visitor analyst = Visitor.loggedIn(port, work.agency("KH").analyst(), Fixtures.PASSWORD);
		Page form = analyst.get("/signals/imports");

		Page refused = analyst.upload(form.html().selectFirst("#upload").attr("action"), "file", "big.csv", "text/csv",
				file(100 * 1024), "idempotencyKey", key(form));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.text("#upload-problem")).contains("The file is larger than the import limit of 64 KB, so"
				+ " nothing was imported.");
		assertThat(refused.html().selectFirst("#file").attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.html().select("#imports-heading ~ div tbody td").eachText()).doesNotContain("Done");
	}

	@Test
	void aFileOverWhatThePageAcceptsIsAnsweredByThePageNotABlankError() {
		SignalWork work = new SignalWork(new Api(port));
		Visitor analyst = Visitor.loggedIn(port, work.agency("KH").analyst(), Fixtures.PASSWORD);
		Page form = analyst.get("/signals/imports");
		assertThat(form.text("#file-hint")).contains("at most 64 KB");

		Page refused = analyst.upload(form.html().selectFirst("#upload").attr("action"), "file", "huge.csv", "text/csv",
				file(11 * 1024 * 1024), "idempotencyKey", key(form));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.text("#upload-problem")).contains("nothing was imported");
		assertThat(refused.html().select("#imports-heading ~ div tbody tr")).isEmpty();
	}

	private static String key(Page form) {
		return form.html().selectFirst("input[name=idempotencyKey]").attr("value");
	}

	private static byte[] file(int size) {
		StringBuilder csv = new StringBuilder("report_key,title,category,tlp,reporter_country,observed_at,type,value\n");
		for (int row = 0; csv.length() < size; row++) {
			csv.append("r").append(row).append(",Compound,SCAM_COMPOUND,GREEN,KH,2026-11-02,phone,+85512").append(row)
					.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}
}
