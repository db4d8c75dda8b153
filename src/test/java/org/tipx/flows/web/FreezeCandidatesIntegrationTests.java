package org.tipx.flows.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.flows.web.FlowsApiIntegrationTests.transfer;
import static org.tipx.flows.web.FlowsApiIntegrationTests.tron;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * A victim's payment reaches an exchange twice: through an address that sweeps to the exchange's hot wallet (found as
 * its deposit address, where tracing stops) and directly. The freeze-request candidates list both under the exchange,
 * with the amount under each model and the transfers, as CSV and as a PDF that reads back.
 */
@TipxIntegrationTest
class FreezeCandidatesIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	String token;

	String victim = tron(), mule = tron(), deposit = tron(), hot = tron(), other = tron(),
			tx = "victim-" + UUID.randomUUID();

	@BeforeEach
	void aVictimsPaymentReachesAnExchange() {
		api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		token = fixtures.tokenFor(fixtures.account(fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "ID"), "ANALYST"));
		var imported = api.post(token, "/api/v1/flows/transfers", List.of(
				transfer(tx, "2024-05-01T10:00:00Z", victim, mule, "1000"),
				transfer("d-" + tx, "2024-05-01T11:00:00Z", mule, deposit, "700"),
				transfer("h-" + tx, "2024-05-01T11:15:00Z", mule, hot, "100"),
				transfer("o-" + tx, "2024-05-01T11:30:00Z", mule, other, "200"),
				transfer("sweep-" + tx, "2024-05-01T13:00:00Z", deposit, hot, "700")));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		assertThat(api.post(token, "/api/v1/flows/tags", Map.of("chain", "tron", "address", hot, "tag", "exchange",
				"name", "Exchange A", "source", "investigator")).status()).isEqualTo(201);
	}

	String request() {
		return "{\"seeds\":[{\"tx\":\"" + tx + "\"}],\"maxHops\":7}";
	}

	@Test
	void theSweepingAddressIsTheExchangesDepositAddressWithItsEvidenceAndTracingStopsThere() {
		var trace = api.post(token, "/api/v1/flows/traces", Map.of("seeds", List.of(Map.of("tx", tx)), "model", "HAIRCUT"));

		assertThat(trace.status()).as(trace.body()).isEqualTo(200);
		var endpoint = trace.json().get("endpoints").valueStream().filter(e -> e.get("address").asString().equals(deposit))
				.findFirst().orElseThrow();
		assertThat(endpoint.get("tag").asString()).isEqualTo("exchange_deposit");
		assertThat(endpoint.get("name").asString()).isEqualTo("Exchange A");
		assertThat(endpoint.get("stop").asString()).isEqualTo("SERVICE");
		assertThat(endpoint.get("amount").asString()).isEqualTo("700");
		assertThat(endpoint.get("evidence").get(0).get("tx").asString()).isEqualTo("sweep-" + tx);
		assertThat(trace.json().get("paths").valueStream().map(p -> p.get("tx").asString()))
				.as("the sweep is the exchange's own move, not followed").doesNotContain("sweep-" + tx);
		var hotWallet = trace.json().get("endpoints").valueStream().filter(e -> e.get("address").asString().equals(hot))
				.findFirst().orElseThrow();
		assertThat(hotWallet.get("amount").asString()).as("only what went there directly").isEqualTo("100");
	}

	@Test
	void theCandidatesComeAsCsvPerExchangeWithEveryModelsAmountAndTheTransfers() {
		var csv = api.send(token, "POST", "/api/v1/flows/freeze-candidates", request(), "text/csv");

		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body().lines()).contains(
				"\"Exchange A\",\"deposit address\",\"tron\",\"USDT\",\"" + deposit + "\",\"deposit-address heuristic\","
						+ "\"700\",\"700\",\"700\",\"700\",\"d-" + tx + "@2024-05-01T11:00:00Z 700\",\"sweep-" + tx
						+ "@2024-05-01T13:00:00Z 700\"",
				"\"Exchange A\",\"hot wallet\",\"tron\",\"USDT\",\"" + hot + "\",\"investigator\","
						+ "\"100\",\"100\",\"100\",\"100\",\"h-" + tx + "@2024-05-01T11:15:00Z 100\",\"\"");
		assertThat(csv.body()).as("an address holding the money is no freeze candidate").doesNotContain(other);
	}

	@Test
	void theCandidatesComeAsAPdfThatReadsBack() throws Exception {
		var reply = FlowTestClient.send(port, token, "/api/v1/flows/freeze-candidates", "application/json", request(),
				"application/pdf");

		assertThat(reply.status()).as(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/pdf");
		String text;
		try (PDDocument pdf = Loader.loadPDF(reply.body())) {
			text = new PDFTextStripper().getText(pdf);
		}
		assertThat(text).contains("Freeze-request candidates", "Exchange A", "deposit address: " + deposit,
				"hot wallet: " + hot, "Sweep sweep-" + tx, "Haircut 700");
		Path file = Path.of("target", "freeze-candidates", tx + ".pdf");
		Files.createDirectories(file.getParent());
		Files.write(file, reply.body());
		String poppler = pdftotext(file.toFile());
		if (poppler != null) {
			assertThat(poppler).contains("Exchange A", deposit, "sweep-" + tx);
		}
	}

	/** Poppler's reading, where installed, as the letter tests read theirs. */
	static String pdftotext(File pdf) throws Exception {
		if (!new File("/usr/bin/pdftotext").canExecute()) {
			return null;
		}
		Process process = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", pdf.getPath(), "-")
				.redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		return out;
	}
}
