package org.tipx.flows.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * The upload formats of ADR 0027 through the API: Etherscan exports, bank statements whose account numbers are kept
 * only sealed, Bitcoin transactions whose trace shows the clusters, a bank hop and a chain hop in one trace, and bad
 * uploads refused whole.
 */
@TipxIntegrationTest
class FlowsIngestIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String token;

	String organisation;

	@BeforeEach
	void anAnalystOfAFinancialIntelligenceUnit() {
		api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		organisation = fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "ID");
		token = fixtures.tokenFor(fixtures.account(organisation, "ANALYST"));
	}

	Api.Reply csv(String path, byte[] body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "text/csv")
				.header("Accept", "application/json").header("Authorization", "Bearer " + token).build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	Api.Reply csv(String text) {
		return csv("/api/v1/flows/transfers", text.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] fixture(String name) {
		try (InputStream in = FlowsIngestIntegrationTests.class.getResourceAsStream("/flows/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	long storedTransfers() {
		return jdbc.sql("SELECT count(*) FROM flows_transfer WHERE organisation_id = ?::uuid").param(organisation)
				.query(Long.class).single();
	}

	@Test
	void anEtherscanExportImportsItsTracedTokensOnceAndListsTheSkippedCounterfeit() {
		var first = csv("/api/v1/flows/transfers", fixture("etherscan-erc20.csv"));

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("format").asString()).isEqualTo("ETHERSCAN");
		assertThat(first.json().get("imported").asInt()).isEqualTo(3);
		assertThat(first.json().get("skipped").get(0).get("line").asInt()).isEqualTo(5);
		var again = csv("/api/v1/flows/transfers", fixture("etherscan-erc20.csv"));
		assertThat(again.json().get("imported").asInt()).as("re-import is idempotent").isZero();
		assertThat(again.json().get("alreadyPresent").asInt()).isEqualTo(3);
		assertThat(storedTransfers()).isEqualTo(3);
	}

	@Test
	void aBankHopAndAChainHopAreTracedTogetherInTimeOrderWithTheAccountOpenedOnlyForTheImporter() {
		String victimAccount = "ID" + digits(12), muleAccount = digits(10);
		String muleWallet = FlowsApiIntegrationTests.tron(), exchange = FlowsApiIntegrationTests.tron();
		String chainTx = "usdt-" + UUID.randomUUID();
		var statement = csv("Date,From Account,To Account,Amount,Currency,Reference,From Name,To Name\n"
				+ "2024-04-30T09:15:00Z," + victimAccount + "," + muleAccount.substring(0, 4) + " " + muleAccount.substring(4)
				+ ",\"15,000,000.00\",IDR,TRF" + digits(6) + ",Siti Rahma,Andi Mule\n");
		assertThat(statement.status()).as(statement.body()).isEqualTo(201);
		assertThat(statement.json().get("format").asString()).isEqualTo("BANK_STATEMENT");
		String bankTx = statement.json().get("transactions").get(0).get("tx").asString();
		var chain = csv("chain,tx,index,time,from,to,asset,amount\n" + "tron," + chainTx + ",0,2024-05-01T10:00:00Z,"
				+ muleWallet + "," + exchange + ",USDT,950\n");
		assertThat(chain.status()).as(chain.body()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT count(*) FROM flows_transfer WHERE organisation_id = ?::uuid AND (from_address LIKE ? "
				+ "OR to_address LIKE ? OR tx LIKE ?)").params(organisation, "%" + muleAccount + "%", "%" + muleAccount + "%",
						"%" + muleAccount + "%").query(Long.class).single()).as("no account number in the graph's table").isZero();
		assertThat(jdbc.sql("SELECT account FROM flows_bank_account WHERE organisation_id = ?::uuid").param(organisation)
				.query(String.class).list()).hasSize(2).noneMatch(sealed -> sealed.contains(muleAccount));

		var trace = api.post(token, "/api/v1/flows/traces", Map.of("seeds", List.of(Map.of("tx", bankTx),
				Map.of("tx", chainTx)), "direction", "FORWARD", "model", "HAIRCUT", "maxHops", 7));

		assertThat(trace.status()).as(trace.body()).isEqualTo(200);
		var paths = trace.json().get("paths");
		assertThat(paths.valueStream().map(p -> p.get("asset").asString())).containsExactly("IDR", "USDT");
		assertThat(paths.valueStream().map(p -> p.get("time").asString()))
				.containsExactly("2024-04-30T09:15:00Z", "2024-05-01T10:00:00Z");
		String muleToken = paths.get(0).get("to").asString();
		assertThat(muleToken).startsWith("acct-").doesNotContain(muleAccount);
		assertThat(trace.json().get("accounts").get(muleToken).get("account").asString()).isEqualTo(muleAccount);
		assertThat(trace.json().get("accounts").get(muleToken).get("holder").asString()).isEqualTo("Andi Mule");
		assertThat(trace.json().get("endpoints").valueStream().map(e -> e.get("address").asString() + " "
				+ e.get("amount").asString())).containsExactlyInAnyOrder(muleToken + " 15000000", exchange + " 950");

		var tagged = api.post(token, "/api/v1/flows/tags", Map.of("chain", "bank", "address",
				muleAccount.substring(0, 4) + "-" + muleAccount.substring(4), "tag", "mule", "source", "case file"));
		assertThat(tagged.status()).as(tagged.body()).isEqualTo(201);
		assertThat(tagged.json().get("address").asString()).as("kept as the statements' token, not as typed")
				.isEqualTo(muleToken);
		assertThat(jdbc.sql("SELECT count(*) FROM flows_tag WHERE address LIKE ?").param("%" + muleAccount + "%")
				.query(Long.class).single()).isZero();

		Fixtures fixtures = new Fixtures(api);
		String other = fixtures.tokenFor(fixtures.account(fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "ID"),
				"ANALYST"));
		var elsewhere = api.post(other, "/api/v1/flows/traces", Map.of("seeds", List.of(Map.of("tx", bankTx))));
		assertThat(elsewhere.status()).as("another organisation does not see the statement").isEqualTo(404);
		assertThat(elsewhere.body()).doesNotContain(muleAccount);
	}

	@Test
	void aBitcoinTraceGoesThroughAMultiInputTransactionAndShowsTheClusterOfEachAddress() {
		String victim = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", scammer = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
				wallet = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", payee = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
		String pay = txid(), sweep = txid();
		var reply = api.post(token, "/api/v1/flows/bitcoin-transactions", List.of(
				Map.of("txid", pay, "time", "2024-05-01T10:00:00Z",
						"inputs", List.of(Map.of("address", victim, "amount", "1.0001")),
						"outputs", List.of(Map.of("address", scammer, "amount", "1", "index", 0))),
				Map.of("txid", sweep, "time", "2024-05-02T10:00:00Z",
						"inputs", List.of(Map.of("address", scammer, "satoshis", 100_000_000),
								Map.of("address", wallet, "amount", "3")),
						"outputs", List.of(Map.of("address", payee, "amount", "2"),
								Map.of("address", wallet, "amount", "1.9")))));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		assertThat(reply.json().get("imported").asInt()).isEqualTo(6);
		assertThat(api.post(token, "/api/v1/flows/bitcoin-transactions", List.of()).status()).isEqualTo(400);

		var trace = api.post(token, "/api/v1/flows/traces", Map.of("seeds", List.of(Map.of("tx", pay)),
				"direction", "FORWARD", "model", "HAIRCUT", "maxHops", 7));

		assertThat(trace.status()).as(trace.body()).isEqualTo(200);
		assertThat(trace.json().get("endpoints").valueStream().map(e -> e.get("address").asString() + " "
				+ e.get("amount").asString())).containsExactlyInAnyOrder(payee + " 0.5", wallet + " 0.475",
						"tx:" + sweep + " 0.025");
		var clusters = trace.json().get("clusters");
		assertThat(clusters.get(scammer).get("cluster").asString()).isEqualTo(wallet);
		assertThat(clusters.get(scammer).get("addresses").asInt()).isEqualTo(2);
		assertThat(clusters.get(payee).get("addresses").asInt()).isEqualTo(1);

		var single = api.post(token, "/api/v1/flows/traces", Map.of("seeds", List.of(Map.of("tx", sweep + ":1")),
				"model", "POISON"));
		assertThat(single.json().get("endpoints").valueStream().map(e -> e.get("address").asString()))
				.as("one output named txid:index seeds that output alone").containsExactly(wallet);
	}

	@Test
	void badUploadsAreRefusedWholeNamingTheLineAndColumn() {
		byte[] latin1 = ("chain,tx,index,time,from,to,asset,amount\ntron,t,0,2024-05-01,Jos\u00e9,x,USDT,1\n")
				.getBytes(StandardCharsets.ISO_8859_1);
		var notUtf8 = csv("/api/v1/flows/transfers", latin1);
		assertThat(notUtf8.status()).isEqualTo(400);
		assertThat(notUtf8.isProblem()).isTrue();
		assertThat(notUtf8.body()).contains("not UTF-8");

		String etherscan = new String(fixture("etherscan-erc20.csv"), StandardCharsets.UTF_8).replace("\"600.25\"",
				"\"600.2500001\"");
		var tooPrecise = csv(etherscan);
		assertThat(tooPrecise.status()).isEqualTo(400);
		assertThat(tooPrecise.body()).contains("line[3].TokenValue").contains("more than 6 decimal places");

		var missing = csv("Date,From Account,To Account,Amount\n2024-04-30,ID1234567890,0987654321,1\n");
		assertThat(missing.status()).isEqualTo(400);
		var unclosed = csv("chain,tx,index,time,from,to,asset,amount\ntron,\"t,0\n");
		assertThat(unclosed.status()).isEqualTo(400);
		assertThat(unclosed.body()).contains("line[2]");
		assertThat(storedTransfers()).as("nothing stored").isZero();
	}

	@Test
	void bankRowsSentAsPlainJsonAreStoredUnderTokensToo() {
		String victimAccount = digits(12), muleAccount = digits(12), tx = "plain-" + UUID.randomUUID();

		var reply = api.post(token, "/api/v1/flows/transfers", List.of(Map.of("chain", "bank", "tx", tx, "index", 0,
				"time", "2024-04-30T09:15:00Z", "from", victimAccount, "to", muleAccount, "asset", "IDR", "amount", "500")));

		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT from_address || ' ' || to_address FROM flows_transfer WHERE organisation_id = ?::uuid")
				.param(organisation).query(String.class).single()).doesNotContain(victimAccount).doesNotContain(muleAccount)
				.matches("acct-[0-9a-f]{32} acct-[0-9a-f]{32}");
		var trace = api.post(token, "/api/v1/flows/traces", Map.of("seeds", List.of(Map.of("tx", tx))));
		assertThat(trace.json().get("accounts").valueStream().map(a -> a.get("account").asString()))
				.as("the seed transfer's two accounts").containsExactlyInAnyOrder(victimAccount, muleAccount);
	}

	@Test
	void aTransferAlreadyImportedAsAnotherIsAConflictAndTheUploadImportsNothing() {
		String from = FlowsApiIntegrationTests.tron(), to = FlowsApiIntegrationTests.tron(), tx = "t-" + UUID.randomUUID();
		String header = "chain,tx,index,time,from,to,asset,amount\n";
		assertThat(csv(header + "tron," + tx + ",0,2024-05-01T10:00:00Z," + from + "," + to + ",USDT,5\n").status())
				.isEqualTo(201);

		var conflict = csv(header + "tron,other-" + tx + ",0,2024-05-01T10:00:00Z," + from + "," + to + ",USDT,5\n"
				+ "tron," + tx + ",0,2024-05-01T10:00:00Z," + from + "," + to + ",USDT,6\n");

		assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
		assertThat(storedTransfers()).isOne();
	}

	@Test
	void aCsvOverTheSizeLimitIsRefusedBeforeItIsRead() {
		byte[] huge = new byte[10 * 1024 * 1024 + 1];
		java.util.Arrays.fill(huge, (byte) 'a');

		var reply = csv("/api/v1/flows/transfers", huge);

		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.isProblem()).isTrue();
	}

	static String digits(int n) {
		StringBuilder s = new StringBuilder();
		SecureRandom random = new SecureRandom();
		for (int i = 0; i < n; i++) {
			s.append(random.nextInt(10));
		}
		return s.toString();
	}

	static String txid() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}
