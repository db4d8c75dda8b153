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
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;

/**
 * Reports that share a canonical value link into networks; noise does not; analysts' cuts stick; network ids
 * survive merges and cuts as documented. (Each test uses values of its own so tests never touch each other.)
 */
@TipxIntegrationTest
class NetworkIntegrationTests {

	@LocalServerPort
	int port;

	SignalFixtures signals;

	Analyst phnomPenh;

	Analyst jakarta;

	@BeforeEach
	void twoAgencies() {
		signals = new SignalFixtures(new Api(port));
		phnomPenh = signals.analyst("KH");
		jakarta = signals.analyst("ID");
	}

	@Test
	void theSamePhoneTypedTwoWaysInTwoCountriesLinksTheReports() {
		String local = "012" + uniqueDigits(6);
		String cambodian = signals.file(phnomPenh, signals.report("GREEN", "KH",
				List.of(indicator("phone", local.substring(0, 3) + " " + local.substring(3, 6) + " " + local.substring(6)))));
		String indonesian = signals.file(jakarta, signals.report("GREEN", "ID",
				List.of(indicator("phone", "+855 " + local.substring(1)))));

		var network = signals.network(jakarta, indonesian);
		assertThat(network.get("reports").valueStream().map(n -> n.asString())).containsExactlyInAnyOrder(cambodian,
				indonesian);
		var link = network.get("links").get(0);
		assertThat(link.get("type").asString()).isEqualTo("phone");
		assertThat(link.get("canonical").asString()).isEqualTo("+855" + local.substring(1));
		assertThat(link.get("reports").size()).isEqualTo(2);
	}

	@Test
	void aValueThatDoesNotParseIsStoredAsInvalidAndNeverLinks() {
		var reply = signals.api.post(phnomPenh.token(), "/api/v1/signals/reports", SignalFixtures.report("GREEN", "KH",
				List.of(indicator("crypto_address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))));
		assertThat(reply.status()).isEqualTo(201);
		var stored = reply.json().get("indicators").get(0);
		assertThat(stored.get("valid").asBoolean()).isFalse();
		assertThat(stored.get("reason").asString()).isNotBlank();
		String second = signals.file(jakarta, "GREEN", indicator("crypto_address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
		assertThat(signals.members(jakarta, second)).containsExactly(second);
	}

	@Test
	void aStructurallyBadIndicatorRejectsTheWholeReportNamingItsIndex() {
		var reply = signals.api.post(phnomPenh.token(), "/api/v1/signals/reports", SignalFixtures.report("GREEN", "KH",
				List.of(indicator("phone", "+85512345678"), indicator("fax", "123"),
						Map.of("type", "messaging_handle", "value", "@recruiter", "platform", "myspace"))));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.contains("indicators[1].type", "indicators[2].platform");
		assertThat(signals.api.get(phnomPenh.token(), "/api/v1/signals/reports").json().size()).isZero();
	}

	@Test
	void wellKnownTokenContractsAndMassPlatformsNeverLink() {
		String a = signals.file(phnomPenh, "GREEN", indicator("crypto_address", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
				indicator("domain", "www.facebook.com"));
		String b = signals.file(jakarta, "GREEN", indicator("crypto_address", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
				indicator("domain", "facebook.com"));
		assertThat(signals.members(jakarta, b)).containsExactly(b);
		assertThat(signals.members(phnomPenh, a)).containsExactly(a);
	}

	@Test
	void aCommonValueAboveTheCapStopsLinkingUnrelatedNetworksAndIsFlagged() {
		String hotline = "+66 2 " + uniqueDigits(3) + " " + uniqueDigits(4);
		String wallet = evmAddress();
		String first = signals.file(phnomPenh, "GREEN", indicator("phone", hotline), indicator("crypto_address", wallet));
		String sibling = signals.file(jakarta, "GREEN", indicator("crypto_address", wallet));
		String last = null;
		for (int i = 0; i < 5; i++) {
			last = signals.file(i % 2 == 0 ? jakarta : phnomPenh, "GREEN", indicator("phone", hotline),
					indicator("email", email("unrelated")));
		}
		// Six holders, cap 5: the hotline no longer links, but the wallet still does.
		assertThat(signals.members(phnomPenh, first)).containsExactlyInAnyOrder(first, sibling);
		assertThat(signals.members(phnomPenh, last)).containsExactly(last);
		var admin = signals.directory.admin;
		var flagged = signals.api.get(admin, "/api/v1/signals/flagged-values").json();
		assertThat(flagged.valueStream().map(f -> f.get("canonical").asString()))
				.contains(hotline.replace(" ", ""));
	}

	@Test
	void aCutLinkStaysCutWhenNewReportsArrive() {
		String phone = "+855 12 " + uniqueDigits(6);
		String email = email("a");
		String a = signals.file(phnomPenh, "GREEN", indicator("phone", phone), indicator("email", email));
		String b = signals.file(jakarta, "GREEN", indicator("phone", phone));
		assertThat(signals.members(phnomPenh, a)).containsExactlyInAnyOrder(a, b);

		var cut = signals.api.post(phnomPenh.token(), "/api/v1/signals/links/cuts", Map.of("type", "phone", "canonical",
				phone.replace(" ", ""), "reports", List.of(a, b), "reason", "reassigned number, different owner"));
		assertThat(cut.status()).as(cut.body()).isEqualTo(201);
		assertThat(cut.json().get("separated").asBoolean()).isTrue();
		assertThat(signals.members(phnomPenh, a)).containsExactly(a);

		// A new report joins A's network; recomputing it must not bring B back.
		String c = signals.file(jakarta, "GREEN", indicator("email", email.toUpperCase()));
		assertThat(signals.members(phnomPenh, a)).containsExactlyInAnyOrder(a, c);
		assertThat(signals.members(jakarta, b)).containsExactly(b);
		String d = signals.file(jakarta, "GREEN", indicator("email", email));
		signals.api.post(jakarta.token(), "/api/v1/signals/reports/" + d + "/retract", Map.of("reason", "duplicate"));
		assertThat(signals.members(phnomPenh, a)).containsExactlyInAnyOrder(a, c);
		assertThat(signals.members(jakarta, b)).containsExactly(b);
	}

	@Test
	void onlyAnOrganisationHoldingOneOfTheTwoReportsOrAnAdministratorMayCutTheirLink() {
		Analyst manila = signals.analyst("PH");
		String phone = "+855 12 " + uniqueDigits(6);
		String canonical = phone.replace(" ", "");
		String a = signals.file(phnomPenh, "GREEN", indicator("phone", phone));
		String b = signals.file(jakarta, "GREEN", indicator("phone", phone));
		String hidden = signals.file(jakarta, "AMBER_STRICT", indicator("phone", phone));

		var refused = cut(manila.token(), canonical, a, b);
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
		assertThat(signals.members(manila, a)).containsExactlyInAnyOrder(a, b);
		assertThat(cut(manila.token(), canonical, a, hidden).status()).isEqualTo(404);
		var denied = signals.api.get(signals.directory.admin, "/api/v1/audit/entries?action=signals.link.cut&limit=100")
				.json().valueStream().filter(e -> "DENIED".equals(e.get("outcome").asString()))
				.map(e -> e.get("objectId").asString() + " " + e.get("detail").asString()).toList();
		assertThat(denied).anySatisfy(e -> assertThat(e).contains(a, b, "not holding either report"));
		assertThat(denied).anySatisfy(e -> assertThat(e).contains(a, hidden, "not found"));

		var byHolder = cut(jakarta.token(), canonical, a, hidden);
		assertThat(byHolder.status()).as(byHolder.body()).isEqualTo(201);
		var byAdmin = cut(signals.directory.admin, canonical, a, b);
		assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
		assertThat(byAdmin.json().get("separated").asBoolean()).isTrue();
		assertThat(signals.members(manila, a)).containsExactly(a);
	}

	private org.tipx.Api.Reply cut(String token, String canonical, String a, String b) {
		return signals.api.post(token, "/api/v1/signals/links/cuts", Map.of("type", "phone", "canonical", canonical,
				"reports", List.of(a, b), "reason", "reassigned number, different owner"));
	}

	@Test
	void whenNetworksMergeTheOlderIdSurvivesAndAfterACutTheOldestReportKeepsIt() {
		String wallet = evmAddress();
		String email = email("broker");
		String older = signals.file(phnomPenh, "GREEN", indicator("crypto_address", wallet));
		String olderId = signals.network(phnomPenh, older).get("networkId").asString();
		String newer = signals.file(jakarta, "GREEN", indicator("email", email));
		assertThat(signals.network(jakarta, newer).get("networkId").asString()).isNotEqualTo(olderId);

		String bridge = signals.file(jakarta, "GREEN", indicator("crypto_address", wallet), indicator("email", email));
		var merged = signals.network(jakarta, bridge);
		assertThat(merged.get("networkId").asString()).isEqualTo(olderId);
		assertThat(merged.get("reports").size()).isEqualTo(3);

		var cut = signals.api.post(jakarta.token(), "/api/v1/signals/links/cuts", Map.of("type", "email",
				"canonical", email, "reports", List.of(newer, bridge), "reason", "shared mailbox of a recruitment agency"));
		assertThat(cut.status()).as(cut.body()).isIn(200, 201);
		assertThat(cut.json().get("separated").asBoolean()).isTrue();
		assertThat(signals.network(phnomPenh, older).get("networkId").asString()).isEqualTo(olderId);
		assertThat(signals.network(jakarta, newer).get("networkId").asString()).isNotEqualTo(olderId);
	}

	@Test
	void aRetractedReportStopsLinkingButStaysOnRecordForItsOwner() {
		String handle = "recruit" + uniqueDigits(6);
		String a = signals.file(phnomPenh, "GREEN", Map.of("type", "messaging_handle", "value", "@" + handle,
				"platform", "telegram"));
		String b = signals.file(jakarta, "GREEN", indicator("messaging_handle", "https://t.me/" + handle.toUpperCase()));
		assertThat(signals.members(jakarta, b)).containsExactlyInAnyOrder(a, b);

		assertThat(signals.api.post(phnomPenh.token(), "/api/v1/signals/reports/" + a + "/retract", Map.of("reason", " "))
				.status()).isEqualTo(400);
		var retracted = signals.api.post(phnomPenh.token(), "/api/v1/signals/reports/" + a + "/retract",
				Map.of("reason", "entered against the wrong case"));
		assertThat(retracted.status()).isEqualTo(200);
		assertThat(retracted.json().get("retracted").asBoolean()).isTrue();
		assertThat(signals.members(jakarta, b)).containsExactly(b);
		assertThat(signals.api.get(jakarta.token(), "/api/v1/signals/reports/" + a).status()).isEqualTo(404);
		assertThat(signals.api.get(phnomPenh.token(), "/api/v1/signals/reports/" + a).status()).isEqualTo(200);
		assertThat(signals.api.post(jakarta.token(), "/api/v1/signals/reports/" + b + "/retract",
				Map.of("reason", "x")).status()).isEqualTo(200);
	}

	@Test
	void phonesObservedYearsApartDoNotLinkBecauseNumbersGetReassigned() {
		String phone = "+63 917 " + uniqueDigits(7);
		var old = SignalFixtures.report("GREEN", "PH", List.of(indicator("phone", phone)));
		old.put("observedAt", "2023-01-15T00:00:00Z");
		String a = signals.file(phnomPenh, old);
		String b = signals.file(jakarta, "GREEN", indicator("phone", phone));
		assertThat(signals.members(jakarta, b)).containsExactly(b);
		assertThat(signals.members(phnomPenh, a)).containsExactly(a);
	}

	private static String uniqueDigits(int count) {
		StringBuilder digits = new StringBuilder();
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		digits.append(1 + random.nextInt(9));
		while (digits.length() < count) {
			digits.append(random.nextInt(10));
		}
		return digits.toString();
	}

	/** A mailbox at a domain of its own, so that the derived domain links nothing else. */
	private static String email(String name) {
		return name + "@mail-" + UUID.randomUUID().toString().substring(0, 12) + ".com";
	}

	/** A random, all-lower-case (so checksum-neutral) EVM address. */
	private static String evmAddress() {
		return "0x" + UUID.randomUUID().toString().replace("-", "") + uniqueDigits(8);
	}
}
