package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.signals.SignalFixtures.indicator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;

/**
 * TLP decides who may know a report exists, on every read path: reading, lookups, network members, links, counts,
 * first/last sightings and suggestions. A caller who may not see a report learns nothing of it.
 */
@TipxIntegrationTest
class TlpIntegrationTests {

	@LocalServerPort
	int port;

	SignalFixtures signals;

	Analyst owner;

	Analyst recipient;

	Analyst groupMember;

	Analyst stranger;

	String groupId;

	@BeforeEach
	void fourOrganisations() {
		signals = new SignalFixtures(new Api(port));
		owner = signals.analyst("MM");
		recipient = signals.analyst("TH");
		groupMember = signals.analyst("LA");
		stranger = signals.analyst("VN");
		var group = signals.api.post(signals.directory.admin, "/api/v1/sharing-groups", Map.of("name",
				Fixtures.unique("Mekong"), "organisationIds", List.of(owner.organisationId(), groupMember.organisationId())));
		groupId = group.json().get("id").asString();
	}

	@Test
	void eachMarkingReachesExactlyItsAudience() {
		String value = wallet();
		Map<String, String> reports = Map.of(
				"GREEN", file("GREEN", value, null, List.of()),
				"AMBER", file("AMBER", value, groupId, List.of(recipient.organisationId())),
				"AMBER_STRICT", file("AMBER_STRICT", value, null, List.of()),
				"RED", file("RED", value, null, List.of(recipient.organisationId())));

		assertThat(visible(owner, reports)).containsExactlyInAnyOrder("GREEN", "AMBER", "AMBER_STRICT", "RED");
		assertThat(visible(recipient, reports)).containsExactlyInAnyOrder("GREEN", "AMBER", "RED");
		assertThat(visible(groupMember, reports)).containsExactlyInAnyOrder("GREEN", "AMBER");
		assertThat(visible(stranger, reports)).containsExactlyInAnyOrder("GREEN");
	}

	@Test
	void lookupsAndCountsOnlyShowWhatTheCallerMaySee() {
		String value = wallet();
		String red = file("RED", value, null, List.of(recipient.organisationId()));
		var strangerAnswer = lookup(stranger, value);
		assertThat(strangerAnswer.get("valid").asBoolean()).isTrue();
		assertThat(strangerAnswer.get("reports").size()).isZero();
		var recipientAnswer = lookup(recipient, value);
		assertThat(recipientAnswer.get("reports").size()).isEqualTo(1);
		var match = recipientAnswer.get("reports").get(0);
		assertThat(match.get("id").asString()).isEqualTo(red);
		assertThat(match.get("tlp").asString()).isEqualTo("RED");
		assertThat(match.get("country").asString()).isEqualTo("KH");
		assertThat(match.get("organisation").asString()).isNotBlank();

		var batch = signals.api.post(stranger.token(), "/api/v1/signals/lookup",
				List.of(Map.of("type", "crypto_address", "value", value), Map.of("type", "phone", "value", "not a phone")));
		assertThat(batch.status()).isEqualTo(200);
		assertThat(batch.json().get(0).get("reports").size()).isZero();
		assertThat(batch.json().get(1).get("valid").asBoolean()).isFalse();
	}

	@Test
	void aRedReportInTheMiddleOfANetworkIsNeitherAMemberNorAPath() {
		String walletA = wallet();
		String walletB = wallet();
		String left = fileAs(recipient, "GREEN", List.of(indicator("crypto_address", walletA)));
		String middle = fileAs(owner, "RED", List.of(indicator("crypto_address", walletA),
				indicator("crypto_address", walletB)));
		String right = fileAs(groupMember, "GREEN", List.of(indicator("crypto_address", walletB)));

		assertThat(signals.members(owner, left)).containsExactlyInAnyOrder(left, middle, right);

		var fromLeft = signals.network(stranger, left);
		var fromRight = signals.network(stranger, right);
		assertThat(fromLeft.get("reports").valueStream().map(n -> n.asString())).containsExactly(left);
		assertThat(fromRight.get("reports").valueStream().map(n -> n.asString())).containsExactly(right);
		assertThat(fromLeft.get("links").size()).isZero();
		assertThat(fromLeft.get("networkId").asString()).isNotEqualTo(fromRight.get("networkId").asString());
		assertThat(fromLeft.toString()).doesNotContain(middle, walletB);
		assertThat(signals.api.get(stranger.token(), "/api/v1/signals/reports/" + middle).status()).isEqualTo(404);
		assertThat(signals.api.get(stranger.token(), "/api/v1/signals/reports/" + middle + "/network").status())
				.isEqualTo(404);
	}

	@Test
	void aCutAnswersSeparatedWhenOnlyAReportTheCallerCannotSeeStillJoinsTheTwo() {
		String shared = wallet();
		String toHidden = wallet();
		String fromHidden = wallet();
		String a = fileAs(stranger, "GREEN", List.of(indicator("crypto_address", shared),
				indicator("crypto_address", toHidden)));
		String b = fileAs(stranger, "GREEN", List.of(indicator("crypto_address", shared),
				indicator("crypto_address", fromHidden)));
		String hidden = fileAs(owner, "RED", List.of(indicator("crypto_address", toHidden),
				indicator("crypto_address", fromHidden)));

		var cut = signals.api.post(stranger.token(), "/api/v1/signals/links/cuts", Map.of("type", "crypto_address",
				"canonical", shared, "reports", List.of(a, b), "reason", "two different wallets typed alike"));
		assertThat(cut.status()).as(cut.body()).isEqualTo(201);
		assertThat(cut.json().get("separated").asBoolean()).isTrue();
		assertThat(signals.members(stranger, a)).containsExactly(a);
		// The owner of the RED report still sees the path through it.
		assertThat(signals.members(owner, a)).containsExactlyInAnyOrder(a, b, hidden);
	}

	@Test
	void reportsTheCallerCannotSeeDoNotPushItsNetworkOverTheCap() {
		String phone = "+855 12 " + (100_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(899_999));
		String a = fileAs(stranger, "GREEN", List.of(indicator("phone", phone)));
		String b = fileAs(stranger, "GREEN", List.of(indicator("phone", phone)));
		var before = signals.network(stranger, a);
		assertThat(signals.members(stranger, a)).containsExactlyInAnyOrder(a, b);

		// Cap 5 in tests: five more holders make seven, in otherwise unconnected reports, so the phone gets flagged.
		for (int i = 0; i < 5; i++) {
			fileAs(owner, "AMBER_STRICT", List.of(indicator("phone", phone)));
		}

		var after = signals.network(stranger, a);
		assertThat(after.get("reports").valueStream().map(n -> n.asString())).containsExactlyInAnyOrder(a, b);
		assertThat(after.get("networkId").asString()).isEqualTo(before.get("networkId").asString());
		assertThat(after.get("links").toString()).contains(phone.replace(" ", ""));
		assertThat(signals.network(stranger, b).get("networkId").asString())
				.isEqualTo(before.get("networkId").asString());
		// Whoever sees more holders than the cap sees the cap at work.
		assertThat(signals.members(owner, a)).containsExactly(a);
	}

	@Test
	void firstAndLastSeenIgnoreSightingsTheCallerMayNotSee() {
		String value = wallet();
		var early = SignalFixtures.report("AMBER_STRICT", "MM", List.of(indicator("crypto_address", value)));
		early.put("observedAt", "2025-01-01T00:00:00Z");
		signals.file(owner, early);
		String visibleToAll = fileAs(recipient, "GREEN", List.of(indicator("crypto_address", value)));

		var asStranger = signals.api.get(stranger.token(), "/api/v1/signals/reports/" + visibleToAll).json()
				.get("indicators").get(0);
		assertThat(asStranger.get("firstSeen").asString()).isEqualTo("2026-10-01T08:00:00Z");
		var asOwner = signals.api.get(owner.token(), "/api/v1/signals/reports/" + visibleToAll).json()
				.get("indicators").get(0);
		assertThat(asOwner.get("firstSeen").asString()).isEqualTo("2025-01-01T00:00:00Z");
	}

	@Test
	void weakMatchesAreSuggestionsOnlyAndRespectTlp() {
		String company = "Golden " + UUID.randomUUID().toString().substring(0, 6) + " Recruitment Co., Ltd";
		String a = fileAs(recipient, "GREEN", List.of(indicator("organisation_name", company)));
		String hidden = fileAs(owner, "AMBER_STRICT", List.of(indicator("organisation_name", company.toUpperCase())));
		String b = fileAs(groupMember, "GREEN", List.of(indicator("organisation_name", "  " + company.toLowerCase())));

		var network = signals.network(stranger, a);
		assertThat(network.get("reports").valueStream().map(n -> n.asString())).containsExactly(a);
		var suggestion = network.get("suggestions").get(0);
		assertThat(suggestion.get("type").asString()).isEqualTo("organisation_name");
		assertThat(suggestion.get("reports").valueStream().map(n -> n.asString())).containsExactly(b)
				.doesNotContain(hidden);
	}

	@Test
	void lookupsAreAuditedAndRateLimited() {
		Analyst prober = signals.analyst("SG");
		List<Map<String, String>> many = new java.util.ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			many.add(Map.of("type", "phone", "value", "+6591" + String.format("%06d", i)));
		}
		assertThat(signals.api.post(prober.token(), "/api/v1/signals/lookup", many.subList(0, 400)).status())
				.isEqualTo(200);
		var refused = signals.api.post(prober.token(), "/api/v1/signals/lookup", many.subList(400, 1000));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.isProblem()).isTrue();
		var tooMany = new java.util.ArrayList<>(many);
		tooMany.add(Map.of("type", "phone", "value", "+6590000000"));
		assertThat(signals.api.post(stranger.token(), "/api/v1/signals/lookup", tooMany).status()).isEqualTo(400);
		var trail = signals.api.get(signals.directory.admin, "/api/v1/audit/entries?action=signals.lookup&limit=20").json();
		assertThat(trail.valueStream().anyMatch(e -> "DENIED".equals(e.get("outcome").asString()))).isTrue();
	}

	private List<String> visible(Analyst viewer, Map<String, String> reports) {
		return reports.entrySet().stream()
				.filter(e -> signals.api.get(viewer.token(), "/api/v1/signals/reports/" + e.getValue()).status() == 200)
				.map(Map.Entry::getKey).toList();
	}

	private tools.jackson.databind.JsonNode lookup(Analyst viewer, String value) {
		var reply = signals.api.get(viewer.token(), "/api/v1/signals/lookup?type=crypto_address&value=" + value);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private String file(String tlp, String value, String group, List<String> recipients) {
		var body = SignalFixtures.report(tlp, "KH", List.of(indicator("crypto_address", value)));
		if (group != null) {
			body.put("sharingGroupId", group);
		}
		body.put("recipients", recipients);
		return signals.file(owner, body);
	}

	private String fileAs(Analyst by, String tlp, List<Map<String, Object>> indicators) {
		return signals.file(by, SignalFixtures.report(tlp, "KH", indicators));
	}

	private static String wallet() {
		return "0x" + UUID.randomUUID().toString().replace("-", "") + "0badc0de";
	}
}
