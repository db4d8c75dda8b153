package org.tipx.signals.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.signals.stix.StixCallers.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.stix.StixCallers.Caller;

/**
 * STIX export shows exactly what the API shows the caller, and every exported bundle conforms to the OASIS STIX 2.1
 * schemas.
 */
@TipxIntegrationTest
class StixExportIntegrationTests {

	@LocalServerPort
	int port;

	StixCallers callers;

	Caller owner;

	Caller recipient;

	Caller stranger;

	@BeforeEach
	void organisations() {
		callers = new StixCallers(new Api(port));
		owner = callers.analyst("KH");
		recipient = callers.analyst("TH");
		stranger = callers.analyst("VN");
	}

	@Test
	void everyObservableTypeAndEveryMarkingConformsToTheOasisSchemas() {
		Assumptions.assumeTrue(OasisSchemas.present(), "the OASIS STIX 2.1 schemas are not at "
				+ OasisSchemas.SCHEMAS.toAbsolutePath().normalize() + ": conformance not checked");
		OasisSchemas schemas = new OasisSchemas();
		String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
		List<Map<String, Object>> everyType = List.of(indicator("phone", "+855 12 " + suffix.substring(1)),
				indicator("email", "jobs" + suffix + "@example.com"),
				indicator("url", "https://jobs" + suffix + ".example.com/apply?ref=1"),
				indicator("domain", "recruit" + suffix + ".example.net"),
				indicator("messaging_handle", "@recruiter" + suffix, "telegram"),
				indicator("crypto_address", evmWallet()), indicator("bank_account", germanIban()),
				indicator("ip", "45." + random(1, 254) + "." + random(1, 254) + "." + random(1, 254)),
				indicator("ip", "2a03:2880:" + Integer.toHexString(random(4096, 65535)) + "::1"),
				indicator("organisation_name", "Golden " + suffix + " Recruitment"));
		List<JsonNode> bundles = new ArrayList<>();
		String first = null;
		for (String tlp : List.of("CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED")) {
			String id = callers.file(owner, tlp, everyType, List.of());
			first = first == null ? id : first;
			bundles.add(callers.exportReport(owner, id));
		}
		String networkId = callers.api.get(owner.token(), "/api/v1/signals/reports/" + first + "/network").json()
				.get("networkId").asString();
		var network = callers.api.get(owner.token(), "/api/v1/signals/networks/" + networkId + "/stix");
		assertThat(network.status()).as(network.body()).isEqualTo(200);
		bundles.add(network.json());

		Set<String> types = new TreeSet<>();
		Set<String> markings = new TreeSet<>();
		for (JsonNode bundle : bundles) {
			assertThat(schemas.bundleProblems(bundle)).isEmpty();
			for (JsonNode object : bundle.get("objects")) {
				assertThat(schemas.problems(object)).as(object.toString()).isEmpty();
				types.add(object.get("type").asString());
				if (object.get("type").asString().equals("marking-definition")) {
					markings.add(object.get("id").asString());
				}
			}
		}
		// The schemas do refuse: an indicator without its pattern, a phone number not in E.164.
		var broken = (tools.jackson.databind.node.ObjectNode) object(bundles.get(0), "indicator").deepCopy();
		broken.remove("pattern");
		assertThat(schemas.problems(broken)).isNotEmpty();
		var badPhone = (tools.jackson.databind.node.ObjectNode) object(bundles.get(0), "phone-number").deepCopy();
		badPhone.put("value", "012 345");
		assertThat(schemas.problems(badPhone)).isNotEmpty();
		assertThat(types).containsExactlyInAnyOrder("identity", "report", "indicator", "url", "domain-name",
				"email-addr", "user-account", "ipv4-addr", "ipv6-addr", "phone-number", "cryptocurrency-wallet",
				"bank-account", "marking-definition", "extension-definition");
		assertThat(markings).containsExactlyInAnyOrder("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
				"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
				"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
				"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
				"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
		// The network holds all five reports; each observable appears once, marked with the tightest marking.
		long reports = network.json().get("objects").valueStream().filter(o -> o.get("type").asString().equals("report"))
				.count();
		assertThat(reports).isEqualTo(5);
		JsonNode phone = network.json().get("objects").valueStream()
				.filter(o -> o.get("type").asString().equals("phone-number")).findFirst().orElseThrow();
		assertThat(phone.get("object_marking_refs").get(0).asString())
				.isEqualTo("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
	}

	@Test
	void observablesGetDeterministicIdsAndIndicatorsKeepTheirIdsAcrossExports() {
		String host = "jobs" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		String id = callers.file(owner, "GREEN", List.of(indicator("url", "https://" + host + "/apply"),
				indicator("messaging_handle", "https://t.me/Hr_" + host.substring(4, 12))), List.of());
		JsonNode once = callers.exportReport(owner, id);
		JsonNode twice = callers.exportReport(stranger, id);
		JsonNode url = object(once, "url");
		assertThat(url.get("value").asString()).isEqualTo("https://" + host + "/apply");
		assertThat(url.get("id").asString())
				.isEqualTo(StixIds.observable("url", Map.of("value", "https://" + host + "/apply")));
		JsonNode handle = object(once, "user-account");
		assertThat(handle.get("account_type").asString()).isEqualTo("telegram");
		assertThat(handle.get("id").asString()).isEqualTo(StixIds.observable("user-account",
				Map.of("account_type", "telegram", "user_id", handle.get("user_id").asString())));
		assertThat(ids(twice)).isEqualTo(ids(once));
		JsonNode indicator = object(once, "indicator");
		assertThat(indicator.get("pattern").asString()).startsWith("[");
		JsonNode report = object(once, "report");
		assertThat(report.get("id").asString()).isEqualTo("report--" + id);
		assertThat(report.get("object_refs").valueStream().map(JsonNode::asString)).contains(url.get("id").asString(),
				indicator.get("id").asString());
		assertThat(report.get("created_by_ref").asString()).isEqualTo("identity--" + owner.organisationId());
		assertThat(once.get("type").asString()).isEqualTo("bundle");
	}

	@Test
	void anotherOrganisationsRedAndAmberStrictReportsAreNotFound() {
		String value = "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL";
		String red = callers.file(owner, "RED", List.of(indicator("crypto_address", value)),
				List.of(recipient.organisationId()));
		String strict = callers.file(owner, "AMBER_STRICT", List.of(indicator("crypto_address", value)), List.of());

		assertThat(callers.api.get(stranger.token(), "/api/v1/signals/reports/" + red + "/stix").status())
				.isEqualTo(404);
		assertThat(callers.api.get(stranger.token(), "/api/v1/signals/reports/" + strict + "/stix").status())
				.isEqualTo(404);
		assertThat(callers.api.get(recipient.token(), "/api/v1/signals/reports/" + strict + "/stix").status())
				.isEqualTo(404);
		assertThat(callers.exportReport(recipient, red).toString()).contains("report--" + red);
		assertThat(callers.api.get(stranger.token(), "/api/v1/signals/networks/" + UUID.randomUUID() + "/stix")
				.status()).isEqualTo(404);
	}

	@Test
	void aNetworkExportHoldsOnlyTheReportsAndValuesTheCallerSees() {
		String walletA = evmWallet();
		String walletB = evmWallet();
		String left = callers.file(stranger, "GREEN", List.of(indicator("crypto_address", walletA)), List.of());
		String middle = callers.file(owner, "RED", List.of(indicator("crypto_address", walletA),
				indicator("crypto_address", walletB)), List.of());
		String right = callers.file(recipient, "GREEN", List.of(indicator("crypto_address", walletB)), List.of());

		String asStranger = callers.api.get(stranger.token(), "/api/v1/signals/reports/" + left + "/network").json()
				.get("networkId").asString();
		String asOwner = callers.api.get(owner.token(), "/api/v1/signals/reports/" + left + "/network").json()
				.get("networkId").asString();
		var strangers = callers.api.get(stranger.token(), "/api/v1/signals/networks/" + asStranger + "/stix");
		var owners = callers.api.get(owner.token(), "/api/v1/signals/networks/" + asOwner + "/stix");

		assertThat(strangers.status()).isEqualTo(200);
		assertThat(strangers.body()).contains("report--" + left).doesNotContain(middle, right, walletB.toLowerCase());
		assertThat(owners.body()).contains("report--" + left, "report--" + middle, "report--" + right);
	}

	private static int random(int from, int to) {
		return ThreadLocalRandom.current().nextInt(from, to + 1);
	}

	/** A fresh EVM address (lower case needs no checksum), so no other test's report shares it. */
	static String evmWallet() {
		StringBuilder hex = new StringBuilder("0x");
		for (int i = 0; i < 40; i++) {
			hex.append(Character.forDigit(random(0, 15), 16));
		}
		return hex.toString();
	}

	/** A fresh German IBAN with correct check digits. */
	static String germanIban() {
		StringBuilder bban = new StringBuilder();
		for (int i = 0; i < 18; i++) {
			bban.append(random(0, 9));
		}
		java.math.BigInteger number = new java.math.BigInteger(bban + "131400");
		int check = 98 - number.mod(java.math.BigInteger.valueOf(97)).intValue();
		return "DE" + String.format("%02d", check) + bban;
	}

	private static JsonNode object(JsonNode bundle, String type) {
		return bundle.get("objects").valueStream().filter(o -> o.get("type").asString().equals(type)).findFirst()
				.orElseThrow(() -> new AssertionError("no " + type + " in " + bundle));
	}

	private static Set<String> ids(JsonNode bundle) {
		Set<String> ids = new TreeSet<>();
		bundle.get("objects").forEach(o -> ids.add(o.get("id").asString()));
		return ids;
	}
}
