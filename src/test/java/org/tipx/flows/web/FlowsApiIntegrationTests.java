package org.tipx.flows.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bitcoinj.base.Base58;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * A financial intelligence unit's analyst imports a victim's USDT payment and the mule's later payments, tags the
 * exchange, and traces the payment to the exchange under haircut; bad rows import nothing; unknown seeds are named.
 */
@TipxIntegrationTest
class FlowsApiIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	String token;

	String victim = tron(), mule = tron(), exchange = tron(), other = tron(), tx = "victim-" + UUID.randomUUID();

	@BeforeEach
	void anAnalystOfAFinancialIntelligenceUnit() {
		api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		token = fixtures.tokenFor(fixtures.account(fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "ID"), "ANALYST"));
	}

	static String tron() {
		byte[] hash = new byte[20];
		new SecureRandom().nextBytes(hash);
		return Base58.encodeChecked(0x41, hash);
	}

	List<Map<String, Object>> transfers() {
		return List.of(
				transfer(tx, "2024-05-01T10:00:00Z", victim, mule, "1000"),
				transfer("out-" + tx, "2024-05-01T11:00:00Z", mule, exchange, "600.5"),
				transfer("rest-" + tx, "2024-05-01T12:00:00Z", mule, other, 399.5));
	}

	static Map<String, Object> transfer(String tx, String time, String from, String to, Object amount) {
		return Map.of("chain", "tron", "tx", tx, "index", 0, "time", time, "from", from, "to", to, "asset", "USDT",
				"amount", amount);
	}

	@Test
	void aVictimsPaymentIsTracedToTheExchangeWithTheAmountThatReachedIt() {
		var first = api.post(token, "/api/v1/flows/transfers", transfers());
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("imported").asInt()).isEqualTo(3);
		var again = api.post(token, "/api/v1/flows/transfers", transfers());
		assertThat(again.json().get("imported").asInt()).as("re-import is idempotent").isZero();
		var tagged = api.post(token, "/api/v1/flows/tags", Map.of("chain", "tron", "address", exchange, "tag", "exchange",
				"name", "Exchange A", "source", "investigator"));
		assertThat(tagged.status()).as(tagged.body()).isEqualTo(201);

		var trace = api.post(token, "/api/v1/flows/traces", Map.of("seeds", List.of(Map.of("tx", tx, "amount", "1000")),
				"direction", "FORWARD", "model", "HAIRCUT", "maxHops", 7));

		assertThat(trace.status()).as(trace.body()).isEqualTo(200);
		assertThat(trace.json().get("model").asString()).isEqualTo("HAIRCUT");
		var endpoints = trace.json().get("endpoints");
		assertThat(endpoints.valueStream().filter(e -> e.get("address").asString().equals(exchange))
				.map(e -> e.get("tag").asString() + " " + e.get("amount").asString())).containsExactly("exchange 600.5");
		assertThat(endpoints.valueStream().filter(e -> e.get("address").asString().equals(other))
				.map(e -> e.get("amount").asString())).containsExactly("399.5");
		assertThat(trace.json().get("partial").asBoolean()).isFalse();

		var freeze = api.send(token, "POST", "/api/v1/flows/freeze-candidates",
				"{\"seeds\":[{\"tx\":\"" + tx + "\",\"amount\":\"1000\"}],\"maxHops\":7}", "text/csv");
		assertThat(freeze.status()).as(freeze.body()).isEqualTo(200);
		assertThat(freeze.body()).contains("\"Exchange A\",\"hot wallet\",\"tron\",\"USDT\",\"" + exchange
				+ "\",\"investigator\",\"600.5\",\"600.5\",\"600.5\",\"600.5\",\"out-" + tx
				+ "@2024-05-01T11:00:00Z 600.5\"");
	}

	@Test
	void aNegativeAmountOrAMalformedAddressImportsNothingAndNamesTheRows() {
		// "0" is not a base58 character, so the last address is malformed whatever the random one ended with
		var reply = api.post(token, "/api/v1/flows/transfers", List.of(
				transfer(tx, "2024-05-01T10:00:00Z", victim, mule, "1000"),
				transfer("neg-" + tx, "2024-05-01T10:00:00Z", victim, mule, "-5"),
				transfer("bad-" + tx, "2024-05-01T10:00:00Z", victim, mule.substring(0, 33) + "0", "5")));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("transfers[1].amount").contains("transfers[2].to");
		var trace = api.post(token, "/api/v1/flows/traces", Map.of("seeds", List.of(Map.of("tx", tx)), "model", "FIFO"));
		assertThat(trace.status()).as("the good row was not imported either").isEqualTo(404);
		assertThat(trace.body()).contains(tx);
	}

	@Test
	void anAnalystOutsideAFinancialIntelligenceUnitMayNotTrace() {
		Fixtures fixtures = new Fixtures(api);
		String police = fixtures.tokenFor(fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "ID"), "ANALYST"));
		assertThat(api.post(police, "/api/v1/flows/transfers", transfers()).status()).isEqualTo(403);
	}
}
