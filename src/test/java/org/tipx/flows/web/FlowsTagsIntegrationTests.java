package org.tipx.flows.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.flows.web.FlowsApiIntegrationTests.transfer;
import static org.tipx.flows.web.FlowsApiIntegrationTests.tron;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Tags as two financial intelligence units see them: own tags listed and deleted, others' shared by their TLP; a
 * GraphSense TagPack imported with its unmapped categories listed; wallets reported in the signal exchange tagged in a
 * trace only as far as the caller may see the reports; a swept deposit address tagged with its evidence.
 */
@TipxIntegrationTest
class FlowsTagsIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String token;

	String otherToken;

	@BeforeEach
	void twoFinancialIntelligenceUnits() {
		api = new Api(port);
		fixtures = new Fixtures(api);
		token = fixtures.tokenFor(fixtures.account(fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "ID"), "ANALYST"));
		otherToken = fixtures.tokenFor(fixtures.account(fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "TH"),
				"ANALYST"));
	}

	List<String> visible(String who, String address) {
		var reply = api.get(who, "/api/v1/flows/tags?chain=tron&address=" + address);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().valueStream().map(t -> t.get("tag").asString() + " " + t.get("tlp").asString() + " "
				+ t.get("own").asBoolean()).toList();
	}

	@Test
	void ownTagsAreListedAndDeletedAndOthersSeeOnlyWhatTheirMarkingShares() {
		String wallet = tron();
		assertThat(api.post(token, "/api/v1/flows/tags", Map.of("chain", "tron", "address", wallet, "tag", "mule",
				"name", "Budi's account", "source", "case 17")).status()).isEqualTo(201);
		var green = api.post(token, "/api/v1/flows/tags", Map.of("chain", "TRON", "address", wallet, "tag", "scam wallet",
				"name", "Collector", "source", "open source", "tlp", "GREEN"));
		assertThat(green.status()).as(green.body()).isEqualTo(201);
		assertThat(green.json().get("tag").asString()).as("the API's spelling").isEqualTo("scam");

		assertThat(visible(token, wallet)).containsExactlyInAnyOrder("mule AMBER true", "scam GREEN true");
		assertThat(visible(otherToken, wallet)).as("AMBER without a group or recipient stays with its owner")
				.containsExactly("scam GREEN false");
		assertThat(api.get(token, "/api/v1/flows/tags?address=" + wallet).body()).contains("Budi's account");

		assertThat(api.delete(otherToken, "/api/v1/flows/tags?chain=tron&address=" + wallet
				+ "&tag=scam&source=open%20source").status()).as("another organisation's tag").isEqualTo(404);
		assertThat(api.delete(token, "/api/v1/flows/tags?chain=tron&address=" + wallet + "&tag=mule&source=case%2017")
				.status()).isEqualTo(204);
		assertThat(visible(token, wallet)).containsExactly("scam GREEN true");
	}

	@Test
	void anAmberTagReachesItsSharingGroupAndARedTagItsRecipientsAsSignalsWould() {
		String ownOrg = fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "ID");
		String writer = fixtures.tokenFor(fixtures.account(ownOrg, "ANALYST"));
		String memberOrg = fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "LA");
		String member = fixtures.tokenFor(fixtures.account(memberOrg, "ANALYST"));
		String recipientOrg = fixtures.organisation("FINANCIAL_INTELLIGENCE_UNIT", "VN");
		String recipient = fixtures.tokenFor(fixtures.account(recipientOrg, "ANALYST"));
		var group = api.post(fixtures.admin, "/api/v1/sharing-groups", Map.of("name", Fixtures.unique("Mekong"),
				"organisationIds", List.of(ownOrg, memberOrg)));
		assertThat(group.status()).as(group.body()).isBetween(200, 201);
		String wallet = tron();
		var amber = api.post(writer, "/api/v1/flows/tags", Map.of("chain", "tron", "address", wallet, "tag", "mule",
				"source", "case 1", "tlp", "AMBER", "sharingGroup", group.json().get("id").asString()));
		assertThat(amber.status()).as(amber.body()).isEqualTo(201);
		var red = api.post(writer, "/api/v1/flows/tags", Map.of("chain", "tron", "address", wallet, "tag", "scam",
				"source", "case 1", "tlp", "RED", "recipients", List.of(recipientOrg)));
		assertThat(red.status()).as(red.body()).isEqualTo(201);
		var notMine = api.post(otherToken, "/api/v1/flows/tags", Map.of("chain", "tron", "address", tron(), "tag", "mule",
				"source", "x", "tlp", "AMBER", "sharingGroup", group.json().get("id").asString()));
		assertThat(notMine.status()).as("a group the writer is not in").isEqualTo(400);

		assertThat(visible(member, wallet)).containsExactly("mule AMBER false");
		assertThat(visible(recipient, wallet)).containsExactly("scam RED false");
		assertThat(visible(otherToken, wallet)).isEmpty();
	}

	@Test
	void aBadTagIsRefusedByFieldAndNothingIsStored() {
		String wallet = tron();
		var reply = api.post(token, "/api/v1/flows/tags", Map.of("chain", "tron", "address", wallet.substring(1), "tag",
				"casino", "source", " "));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.body()).contains("\"address\"").contains("\"tag\"").contains("\"source\"");
		assertThat(visible(token, wallet)).isEmpty();
	}

	@Test
	void aTagPackIsImportedWithItsUnmappedCategoriesListed() {
		String exchange = tron(), mixer = tron(), casino = tron();
		String pack = """
				title: Cash-out points
				creator: test
				source: https://example.org/pack
				network: TRX
				tags:
				  - address: %s
				    label: Exchange A
				    category: exchange
				  - address: %s
				    label: A mixer
				    category: mixing_service
				  - address: %s
				    label: A casino
				    category: gambling
				""".formatted(exchange, mixer, casino);

		var reply = FlowTestClient.send(port, token, "/api/v1/flows/tagpacks", "application/yaml", pack, "application/json");

		String body = new String(reply.body(), StandardCharsets.UTF_8);
		assertThat(reply.status()).as(body).isEqualTo(201);
		JsonNode answer = api.get(token, "/api/v1/flows/tags").json(); // the caller's view after the import
		assertThat(body).contains("\"imported\":2").contains("\"category\":\"gambling\"").contains(casino);
		assertThat(body).contains("\"tlp\":\"AMBER_STRICT\"");
		assertThat(visible(token, exchange)).as("a pack without is_public stays with the organisation")
				.containsExactly("exchange AMBER_STRICT true");
		assertThat(visible(token, mixer)).containsExactly("mixer AMBER_STRICT true");
		assertThat(visible(token, casino)).isEmpty();
		assertThat(answer.toString()).contains("https://example.org/pack");
	}

	@Test
	void aPublicTagPackIsSeenByOtherOrganisationsAsGreenAndAPrivateOneIsNot() {
		String shared = tron(), kept = tron();
		String pack = "title: t\ncreator: c\nsource: s\nnetwork: TRX\ncategory: exchange\nis_public: %s\ntags:\n"
				+ "  - address: %s\n    label: Exchange A\n";

		assertThat(FlowTestClient.send(port, token, "/api/v1/flows/tagpacks", "text/yaml",
				pack.formatted("true", shared), "application/json").status()).isEqualTo(201);
		assertThat(FlowTestClient.send(port, token, "/api/v1/flows/tagpacks", "text/yaml",
				pack.formatted("false", kept), "application/json").status()).isEqualTo(201);
		var widened = FlowTestClient.send(port, token, "/api/v1/flows/tagpacks?tlp=GREEN", "text/yaml",
				pack.formatted("false", tron()), "application/json");

		assertThat(visible(otherToken, shared)).containsExactly("exchange GREEN false");
		assertThat(visible(otherToken, kept)).isEmpty();
		assertThat(visible(token, kept)).containsExactly("exchange AMBER_STRICT true");
		assertThat(widened.status()).isEqualTo(400);
		assertThat(new String(widened.body(), StandardCharsets.UTF_8)).contains("tlp");
	}

	@Test
	void aMalformedTagPackNamesTheLineAndStoresNothing() {
		String exchange = tron();
		String pack = "title: t\ncreator: c\nnetwork: TRX\ntags:\n  - address: " + exchange
				+ "\n    label: fine\n    source: s\n    category: exchange\n  - address: " + tron() + "\n    category: exchange\n";

		var reply = FlowTestClient.send(port, token, "/api/v1/flows/tagpacks", "text/yaml", pack, "application/json");

		String body = new String(reply.body(), StandardCharsets.UTF_8);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(body).contains("tags[1].label").contains("line 9");
		assertThat(visible(token, exchange)).as("the good tag was not stored either").isEmpty();
	}

	@Test
	void walletsReportedInTheSignalExchangeAreTaggedOnlyAsTheCallerMaySeeThem() {
		String victim = tron(), mule = tron(), collector = tron(), own = tron(), tx = "victim-" + UUID.randomUUID();
		assertThat(api.post(token, "/api/v1/flows/transfers", List.of(
				transfer(tx, "2024-05-01T10:00:00Z", victim, mule, "1000"),
				transfer("a-" + tx, "2024-05-01T11:00:00Z", mule, collector, "600"),
				transfer("b-" + tx, "2024-05-01T12:00:00Z", mule, own, "400"))).status()).isEqualTo(201);
		String police = fixtures.organisation("LAW_ENFORCEMENT", "KH");
		String policeToken = fixtures.tokenFor(fixtures.account(police, "ANALYST"));
		report(policeToken, "RED", mule);
		report(policeToken, "AMBER_STRICT", mule);
		report(policeToken, "GREEN", collector);
		report(token, "AMBER_STRICT", own);

		var trace = api.post(token, "/api/v1/flows/traces", Map.of("seeds", List.of(Map.of("tx", tx)), "model", "FIFO"));

		assertThat(trace.status()).as(trace.body()).isEqualTo(200);
		Map<String, String> tags = new LinkedHashMap<>();
		trace.json().get("tags").forEach(t -> tags.put(t.get("address").asString(), t.get("tag").asString() + " from "
				+ t.get("source").asString()));
		assertThat(tags).containsOnly(Map.entry(collector, "scam from signal exchange"),
				Map.entry(own, "scam from signal exchange"));
		assertThat(trace.body()).as("nothing of the reports the caller may not see").doesNotContain(
				"\"" + mule + "\",\"tag\"");
		var collectorEndpoint = trace.json().get("endpoints").valueStream()
				.filter(e -> e.get("address").asString().equals(collector)).findFirst().orElseThrow();
		assertThat(collectorEndpoint.get("tag").asString()).isEqualTo("scam");
		var listed = api.get(token, "/api/v1/flows/tags?chain=tron&address=" + collector).json();
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).get("tag").asString() + " from " + listed.get(0).get("source").asString() + " readOnly "
				+ listed.get(0).get("readOnly").asBoolean()).isEqualTo("scam from signal exchange readOnly true");
		assertThat(visible(token, mule)).as("not from reports the caller may not see").isEmpty();
		assertThat(visible(otherToken, collector)).as("only wallets of the caller's own transfers").isEmpty();
	}

	private void report(String who, String tlp, String wallet) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", Fixtures.unique("report"));
		body.put("description", "seen in a victim statement");
		body.put("reporterCountry", "KH");
		body.put("observedAt", "2026-10-01T08:00:00Z");
		body.put("category", "SCAM_COMPOUND");
		body.put("tlp", tlp);
		body.put("indicators", List.of(Map.of("type", "crypto_address", "value", wallet)));
		var reply = api.post(who, "/api/v1/signals/reports", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
	}
}
