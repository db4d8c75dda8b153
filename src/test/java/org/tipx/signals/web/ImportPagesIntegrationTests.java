package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;
import org.tipx.signals.web.SignalWork.Agency;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analyst imports through the page: the import keeps the file's name (cleaned of paths, control characters and
 * excess length, and escaped where shown), a finished import links to exactly the reports it filed, and bad rows
 * are explained in the page's language while the API keeps its codes and English messages.
 */
@TipxIntegrationTest
class ImportPagesIntegrationTests {

	private static final String HEADER = "report_key,title,category,tlp,reporter_country,observed_at,type,value\n";

	@LocalServerPort
	int port;

	SignalWork work;

	Agency cambodia;

	@BeforeEach
	void agency() {
		work = new SignalWork(new Api(port));
		cambodia = work.agency("KH");
	}

	@Test
	void aFinishedImportNamesItsFileAndLinksToExactlyTheReportsItFiled() {
		Visitor analyst = Visitor.loggedIn(port, cambodia.analyst(), Fixtures.PASSWORD);
		String before = work.report(cambodia, "GREEN", SignalWork.wallet());
		String[] titles = { Fixtures.unique("Compound A"), Fixtures.unique("Compound B"), Fixtures.unique("Compound C") };
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < titles.length; i++) {
			csv.append("r").append(i).append(',').append(titles[i]).append(",SCAM_COMPOUND,GREEN,KH,2026-11-02,")
					.append("crypto_address,").append(SignalWork.wallet()).append('\n');
		}
		Page done = importAndWait(analyst, "compounds-november.csv", csv.toString());
		String other = Fixtures.unique("Other import");
		importAndWait(analyst, "other.csv", HEADER + "x," + other + ",SCAM_COMPOUND,GREEN,KH,2026-11-02,crypto_address,"
				+ SignalWork.wallet() + "\n");

		assertThat(done.text(".file-name")).isEqualTo("File: compounds-november.csv");
		assertThat(analyst.get("/signals/imports").html().select("td.file-name").eachText())
				.contains("compounds-november.csv", "other.csv");
		String link = done.html().selectFirst(".filed-reports a").attr("href");
		assertThat(done.text(".filed-reports a")).isEqualTo("See the 3 reports this import filed");
		Page filed = analyst.get(link);
		assertThat(filed.status()).isEqualTo(200);
		assertThat(filed.html().select("table.reports tbody th a").eachText()).containsExactlyInAnyOrder(titles);
		assertThat(filed.body()).doesNotContain(before).doesNotContain(other);
		assertThat(filed.text(".imported-filter h2")).isEqualTo("Reports filed by the import of compounds-november.csv");
		Visitor stranger = Visitor.loggedIn(port, work.agency("TH").analyst(), Fixtures.PASSWORD);
		assertThat(stranger.get(link).status()).as("another organisation's import").isEqualTo(404);
	}

	@Test
	void aHostileFileNameIsKeptWithoutItsPathControlCharactersOrExcessAndShownEscaped() {
		Visitor analyst = Visitor.loggedIn(port, cambodia.analyst(), Fixtures.PASSWORD);
		String row = "a," + Fixtures.unique("t") + ",SCAM_COMPOUND,GREEN,KH,2026-11-02,crypto_address,";

		Page pathAndControls = importAndWait(analyst, "C:\\Users\\officer\\evil\u0007\u202Egpj.csv",
				HEADER + row + SignalWork.wallet() + "\n");
		Page markup = importAndWait(analyst, "<img src=x onerror=alert(1)>.csv", HEADER + row + SignalWork.wallet()
				+ "\n");
		Page overlong = importAndWait(analyst, "a".repeat(300) + ".csv", HEADER + row + SignalWork.wallet() + "\n");

		assertThat(pathAndControls.text(".file-name")).isEqualTo("File: evilgpj.csv");
		assertThat(markup.text(".file-name")).isEqualTo("File: <img src=x onerror=alert(1)>.csv");
		assertThat(markup.body()).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;.csv");
		assertThat(markup.html().select(".file-name img")).isEmpty();
		assertThat(overlong.text(".file-name")).isEqualTo("File: " + "a".repeat(200));
		assertThat(analyst.get("/signals/imports").body()).doesNotContain("<img src=x").doesNotContain("\u202E");
	}

	@Test
	void badRowsAreExplainedInIndonesianWhileTheApiKeepsItsCodes() {
		Visitor analyst = Visitor.loggedIn(port, cambodia.analyst(), Fixtures.PASSWORD).speaking("id");
		Page form = analyst.get("/signals/imports");
		String wallet = SignalWork.wallet();
		byte[] csv = (HEADER + "a,Compound A,SCAM_COMPOUND,GREEN,KH,2026-11-02,crypto_address," + wallet + "\n"
				+ "b,Compound B,fraud,GREEN,KH,2026-11-02,crypto_address," + wallet + "\n"
				+ "c,Compound C,SCAM_COMPOUND,GREEN,Kamboja,2026-11-02,crypto_address," + wallet + "\n")
				.getBytes(StandardCharsets.UTF_8);

		Page rejected = analyst.follow(analyst.upload(action(form), "file", "salah.csv", "text/csv", csv,
				"idempotencyKey", form.html().selectFirst("input[name=idempotencyKey]").attr("value")));

		assertThat(rejected.html().select("tr.bad-row .reason").eachText()).containsExactly(
				"baris 3: category ‘fraud’ bukan salah satu dari: Penipuan perekrutan (RECRUITMENT_FRAUD), "
						+ "Kompleks penipuan (SCAM_COMPOUND), " + categoriesAfterTheFirstTwo(),
				"baris 4: reporter_country ‘Kamboja’ bukan kode negara: tulis kode ISO dua huruf, misalnya ID, KH, "
						+ "atau TH");
		JsonNode api = work.api.get(cambodia.token(), "/api/v1/signals/imports").json().get(0);
		assertThat(api.get("fileName").asString()).isEqualTo("salah.csv");
		JsonNode errors = work.api.get(cambodia.token(), "/api/v1/signals/imports/" + api.get("id").asString()).json()
				.get("errors");
		assertThat(errors.get(0).get("field").asString()).isEqualTo("rows[3].category");
		assertThat(errors.get(0).get("code").asString()).isEqualTo("notOneOf");
		assertThat(errors.get(0).get("given").asString()).isEqualTo("fraud");
		assertThat(errors.get(0).get("message").asString()).startsWith("must be one of [RECRUITMENT_FRAUD");
		assertThat(errors.get(1).get("code").asString()).isEqualTo("country");
	}

	@Test
	void aFileRejectedByTheApiNamesEachBadRowsCodeBesideItsEnglishMessage() throws Exception {
		String csv = HEADER + "a,Compound A,fraud,GREEN,KH,2026-11-02,crypto_address," + SignalWork.wallet() + "\n";
		HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/v1/signals/imports"))
				.header("Authorization", "Bearer " + cambodia.token()).header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(reply.statusCode()).isEqualTo(400);
		JsonNode error = JsonMapper.builder().build().readTree(reply.body()).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("rows[2].category");
		assertThat(error.get("message").asString()).startsWith("must be one of [RECRUITMENT_FRAUD");
		assertThat(error.get("code").asString()).isEqualTo("notOneOf");
		assertThat(error.get("given").asString()).isEqualTo("fraud");
	}

	private String categoriesAfterTheFirstTwo() {
		return "Penipuan investasi (INVESTMENT_FRAUD), Penipuan asmara (ROMANCE_FRAUD), Keledai uang (money mule) (MONEY_MULE), "
				+ "Laporan korban (VICTIM_REPORT), Kriminalitas paksa (FORCED_CRIMINALITY), Lainnya (OTHER)";
	}

	private Page importAndWait(Visitor analyst, String fileName, String csv) {
		Page form = analyst.get("/signals/imports");
		Page sent = analyst.upload(action(form), "file", fileName, "text/csv", csv.getBytes(StandardCharsets.UTF_8),
				"idempotencyKey", form.html().selectFirst("input[name=idempotencyKey]").attr("value"));
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		String status = sent.location().replaceFirst("^https?://[^/]+", "");
		return await().atMost(Duration.ofSeconds(20)).until(() -> analyst.get(status),
				page -> page.text(".import-state").equals("Done") || page.text(".import-state").equals("Selesai"));
	}

	private static String action(Page form) {
		return form.html().selectFirst("#upload").attr("action");
	}
}
