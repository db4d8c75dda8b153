package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tipx.signals.SignalFixtures.indicator;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Publications;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;

import tools.jackson.databind.JsonNode;

/**
 * Early warning: when a new report links into a network holding reports from another country, the organisations that
 * may see the linked reports are alerted, and nobody learns through an alert what they may not see.
 */
@TipxIntegrationTest
class EarlyWarningIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	SignalFixtures signals;

	Analyst myanmar;

	Analyst thailand;

	Analyst laos;

	Analyst vietnam;

	@BeforeEach
	void fourAgencies() {
		signals = new SignalFixtures(new Api(port));
		myanmar = signals.analyst("MM");
		thailand = signals.analyst("TH");
		laos = signals.analyst("LA");
		vietnam = signals.analyst("VN");
	}

	@Test
	void aRedReportInTheMiddleAlertsOnlyThoseWhoMaySeeThePathAcrossTheBorder() {
		String walletA = wallet();
		String walletB = wallet();
		String left = file(thailand, "GREEN", "TH", List.of(), walletA);
		String middle = file(myanmar, "RED", "MM", List.of(thailand.organisationId()), walletA, walletB);
		String right = file(laos, "GREEN", "LA", List.of(), walletB);

		JsonNode mine = await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(myanmar, right), a -> a != null);
		JsonNode theirs = await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(thailand, right), a -> a != null);

		assertThat(mine.get("state").asString()).isEqualTo("NEW");
		assertThat(ids(mine.get("linkedReports"))).containsExactlyInAnyOrder(left, middle);
		assertThat(mine.get("values").valueStream().map(v -> v.get("canonical").asString())).containsExactly(walletB);
		assertThat(mine.get("countries").valueStream().map(JsonNode::asString)).containsExactly("LA", "MM", "TH");
		assertThat(ids(theirs.get("linkedReports"))).containsExactlyInAnyOrder(left, middle);
		assertThat(theirs.get("networkId").asString())
				.isEqualTo(signals.network(thailand, right).get("networkId").asString());

		// Laos and Vietnam see the two GREEN reports but not the RED one that joins them: no path, no alert.
		assertThat(alertFor(laos, right)).isNull();
		assertThat(alertFor(vietnam, right)).isNull();
		assertThat(inbox(vietnam).toString()).doesNotContain(middle, walletA, walletB);
		assertThat(inbox(laos).toString()).doesNotContain(middle);
	}

	@Test
	void anAlertForgetsTheCountriesAndValuesOfALinkedReportOnceItIsHidden() {
		String wallet = wallet();
		String thai = file(thailand, "GREEN", "TH", List.of(), wallet);
		String vietnamese = file(vietnam, "GREEN", "VN", List.of(), wallet);
		JsonNode before = await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(vietnam, vietnamese),
				a -> a != null);
		assertThat(ids(before.get("linkedReports"))).containsExactly(thai);
		assertThat(before.get("countries").valueStream().map(JsonNode::asString)).containsExactly("TH", "VN");
		assertThat(before.get("values").valueStream().map(v -> v.get("canonical").asString())).containsExactly(wallet);

		var retracted = signals.api.post(thailand.token(), "/api/v1/signals/reports/" + thai + "/retract",
				java.util.Map.of("reason", "entered against the wrong case"));
		assertThat(retracted.status()).isEqualTo(200);

		JsonNode after = alertFor(vietnam, vietnamese);
		assertThat(after).as("the alert and its triage stay with the organisation").isNotNull();
		assertThat(after.get("linkedReports").size()).isZero();
		assertThat(after.get("countries").size()).isZero();
		assertThat(after.get("values").size()).isZero();
		assertThat(after.toString()).doesNotContain(thai, "\"TH\"", wallet);
		assertThat(signals.api.get(vietnam.token(), "/api/v1/signals/alerts/" + after.get("id").asString()).body())
				.doesNotContain(thai, "\"TH\"", wallet);
		assertThat(after.get("networkId").asString())
				.isEqualTo(signals.network(vietnam, vietnamese).get("networkId").asString());
	}

	@Test
	void anAlertShowsOnlyTheLinkedReportsCountriesAndValuesStillVisible() {
		String toThai = wallet();
		String toLao = wallet();
		String thai = file(thailand, "GREEN", "TH", List.of(), toThai);
		String lao = file(laos, "GREEN", "LA", List.of(), toLao);
		String vietnamese = file(vietnam, "GREEN", "VN", List.of(), toThai, toLao);
		JsonNode before = await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(vietnam, vietnamese),
				a -> a != null);
		assertThat(before.get("countries").valueStream().map(JsonNode::asString)).containsExactly("LA", "TH", "VN");

		signals.api.post(laos.token(), "/api/v1/signals/reports/" + lao + "/retract", java.util.Map.of("reason", "duplicate"));

		JsonNode after = alertFor(vietnam, vietnamese);
		assertThat(ids(after.get("linkedReports"))).containsExactly(thai);
		assertThat(after.get("countries").valueStream().map(JsonNode::asString)).containsExactly("TH", "VN");
		assertThat(after.get("values").valueStream().map(v -> v.get("canonical").asString())).containsExactly(toThai);
	}

	@Test
	void reportsAnOrganisationCannotSeeDoNotStopItsAlertByPushingAValueOverTheCap() {
		String phone = "+855 12 " + (100_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(899_999));
		String vietnamese = signals.file(vietnam, SignalFixtures.report("GREEN", "VN", List.of(indicator("phone", phone))));
		// Cap 5 in tests: five AMBER_STRICT holders Thailand cannot see get the phone flagged.
		for (int i = 0; i < 5; i++) {
			signals.file(myanmar, SignalFixtures.report("AMBER_STRICT", "MM", List.of(indicator("phone", phone))));
		}
		String thai = signals.file(thailand, SignalFixtures.report("GREEN", "TH", List.of(indicator("phone", phone))));

		JsonNode alert = await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(thailand, thai), a -> a != null);
		assertThat(ids(alert.get("linkedReports"))).containsExactly(vietnamese);
		assertThat(alert.get("countries").valueStream().map(JsonNode::asString)).containsExactly("TH", "VN");
		assertThat(alert.get("networkId").asString()).isEqualTo(signals.network(thailand, thai).get("networkId").asString());
		// Myanmar sees all seven holders: for it the cap holds, and the phone links nothing.
		assertThat(alertFor(myanmar, thai)).isNull();
	}

	@Test
	void aNetworkWithinOneCountryRaisesNoAlert() {
		Analyst otherThai = signals.analyst("TH");
		String wallet = wallet();
		file(thailand, "GREEN", "TH", List.of(), wallet);
		String second = file(otherThai, "GREEN", "TH", List.of(), wallet);
		// judged before the border report exists: a listener running late would see it already
		new Publications(jdbc).awaitHandled(List.of(thailand.organisationId(), otherThai.organisationId()));
		String border = file(vietnam, "GREEN", "VN", List.of(), wallet);

		await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(thailand, border), a -> a != null);
		assertThat(alertFor(thailand, second)).isNull();
		assertThat(alertFor(otherThai, second)).isNull();
	}

	@Test
	void focalPointsTriageTheirOwnOrganisationsAlertsOnly() {
		String wallet = wallet();
		file(thailand, "AMBER", "TH", List.of(vietnam.organisationId()), wallet);
		String report = file(vietnam, "AMBER", "VN", List.of(thailand.organisationId()), wallet);
		JsonNode alert = await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(thailand, report), a -> a != null);
		String path = "/api/v1/signals/alerts/" + alert.get("id").asString();
		String focalPoint = signals.directory.tokenFor(signals.directory.account(thailand.organisationId(), "FOCAL_POINT"));
		String foreignFocalPoint = signals.directory.tokenFor(signals.directory.account(laos.organisationId(),
				"FOCAL_POINT"));

		var acknowledged = signals.api.send(focalPoint, "PATCH", path,
				"{\"state\":\"ACKNOWLEDGED\",\"note\":\"called the Vietnamese focal point\"}");
		assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
		assertThat(acknowledged.json().get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(inbox(thailand, "state=ACKNOWLEDGED").toString()).contains(alert.get("id").asString());
		assertThat(inbox(thailand, "state=NEW").toString()).doesNotContain(alert.get("id").asString());

		var badState = signals.api.send(focalPoint, "PATCH", path, "{\"state\":\"DONE\"}");
		assertThat(badState.status()).isEqualTo(400);
		assertThat(badState.body()).contains("state");
		assertThat(signals.api.send(thailand.token(), "PATCH", path, "{\"state\":\"CLOSED\"}").status()).isEqualTo(403);
		assertThat(signals.api.send(foreignFocalPoint, "PATCH", path, "{\"state\":\"CLOSED\"}").status()).isEqualTo(404);
		assertThat(signals.api.get(laos.token(), path).status()).isEqualTo(404);
		var trail = signals.api.get(signals.directory.admin, "/api/v1/audit/entries?action=signals.alert.triage&limit=50");
		assertThat(trail.body()).contains(alert.get("id").asString());
	}

	private JsonNode alertFor(Analyst viewer, String reportId) {
		for (JsonNode alert : inbox(viewer)) {
			if (alert.get("report").get("id").asString().equals(reportId)) {
				return alert;
			}
		}
		return null;
	}

	private JsonNode inbox(Analyst viewer, String... query) {
		var reply = signals.api.get(viewer.token(), "/api/v1/signals/alerts" + (query.length == 0 ? "" : "?" + query[0]));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private String file(Analyst by, String tlp, String country, List<String> recipients, String... wallets) {
		var body = SignalFixtures.report(tlp, country, java.util.Arrays.stream(wallets)
				.map(w -> indicator("crypto_address", w)).toList());
		body.put("recipients", recipients);
		return signals.file(by, body);
	}

	private static List<String> ids(JsonNode reports) {
		return reports.valueStream().map(r -> r.get("id").asString()).toList();
	}

	static String wallet() {
		return "0x" + UUID.randomUUID().toString().replace("-", "") + "0badc0de";
	}
}
