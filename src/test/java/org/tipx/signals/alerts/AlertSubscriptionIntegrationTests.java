package org.tipx.signals.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.tipx.Publications;
import org.tipx.TipxIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Alert subscriptions: a focal point chooses what the organisation is alerted about, through the API, and early
 * warning then raises, holds for the daily digest, or leaves out each alert the organisation's own view would raise.
 */
@TipxIntegrationTest
class AlertSubscriptionIntegrationTests {

	private static final String PATH = "/api/v1/signals/alert-subscription";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AlertDigests digests;

	Api api;

	Fixtures directory;

	@BeforeEach
	void api() {
		api = new Api(port);
		directory = new Fixtures(api);
	}

	@Test
	void aFocalPointSetsAndReadsTheSubscriptionAndTheOwnCountryStaysIn() {
		Agency indonesia = agency("ID");
		var defaults = api.get(indonesia.focalPoint(), PATH);
		assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
		assertThat(defaults.json().get("countries").valueStream().map(JsonNode::asString)).containsExactly("ID");
		assertThat(defaults.json().get("digest").asString()).isEqualTo("NONE");
		assertThat(defaults.json().get("tlpFloor").asString()).isEqualTo("CLEAR");

		var set = api.put(indonesia.focalPoint(), PATH, Map.of("countries", List.of("kh", "TH"), "categories",
				List.of("SCAM_COMPOUND", "MONEY_MULE"), "minNetworkSize", 3, "tlpFloor", "AMBER", "digest", "DAILY"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);

		JsonNode read = api.get(indonesia.focalPoint(), PATH).json();
		assertThat(read.get("countries").valueStream().map(JsonNode::asString)).containsExactly("ID", "KH", "TH");
		assertThat(read.get("categories").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrder("SCAM_COMPOUND", "MONEY_MULE");
		assertThat(read.get("minNetworkSize").asInt()).isEqualTo(3);
		assertThat(read.get("tlpFloor").asString()).isEqualTo("AMBER");
		assertThat(read.get("digest").asString()).isEqualTo("DAILY");

		// leaving the own country out does not remove it
		api.put(indonesia.focalPoint(), PATH, Map.of("countries", List.of()));
		assertThat(api.get(indonesia.focalPoint(), PATH).json().get("countries").valueStream()
				.map(JsonNode::asString)).containsExactly("ID");
		var trail = api.get(directory.admin, "/api/v1/audit/entries?action=signals.alert.subscription&limit=50");
		assertThat(trail.body()).contains(indonesia.organisationId());
	}

	@Test
	void refusedFieldsAreNamedAndNothingIsStored() {
		Agency indonesia = agency("ID");
		Map<String, Map<String, Object>> refusals = new LinkedHashMap<>();
		refusals.put("countries", Map.of("countries", List.of("KH", "XX")));
		refusals.put("categories", Map.of("categories", List.of("PHISHING")));
		refusals.put("minNetworkSize", Map.of("minNetworkSize", 0));
		refusals.put("tlpFloor", Map.of("tlpFloor", "PURPLE"));
		refusals.put("digest", Map.of("digest", "WEEKLY"));
		refusals.forEach((field, body) -> {
			var refused = api.put(indonesia.focalPoint(), PATH, body);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.isProblem()).isTrue();
			assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
					.containsExactly(field);
		});
		JsonNode unchanged = api.get(indonesia.focalPoint(), PATH).json();
		assertThat(unchanged.get("countries").valueStream().map(JsonNode::asString)).containsExactly("ID");
		assertThat(unchanged.get("minNetworkSize").asInt()).isEqualTo(2);
	}

	@Test
	void onlyFocalPointsReadOrChangeTheSubscription() {
		Agency indonesia = agency("ID");
		String orgAdmin = directory.tokenFor(directory.account(indonesia.organisationId(), "ORG_ADMIN"));
		for (String other : List.of(indonesia.analyst(), orgAdmin)) {
			assertThat(api.put(other, PATH, Map.of("countries", List.of("KH"))).status()).isEqualTo(403);
			assertThat(api.get(other, PATH).status()).isEqualTo(403);
		}
		assertThat(api.get(indonesia.focalPoint(), PATH).json().get("countries").size()).isEqualTo(1);
	}

	@Test
	void followingAnotherCountryAlertsAboutItsNetworksBeforeTheyCrossABorder() {
		Agency follower = agency("ID");
		Agency bystander = agency("ID");
		Agency cambodia = agency("KH");
		Agency otherCambodian = agency("KH");
		subscribe(follower, Map.of("countries", List.of("KH")));
		String wallet = wallet();

		file(cambodia, "GREEN", "SCAM_COMPOUND", wallet);
		String second = file(otherCambodian, "GREEN", "SCAM_COMPOUND", wallet);

		JsonNode alert = await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(follower, second),
				a -> a != null);
		assertThat(alert.get("countries").valueStream().map(JsonNode::asString)).containsExactly("KH");
		assertThat(alert.get("values").valueStream().map(v -> v.get("canonical").asString())).containsExactly(wallet);
		// by default a network inside one country alerts nobody, not even in that country
		assertThat(alertFor(bystander, second)).isNull();
		assertThat(alertFor(cambodia, second)).isNull();
	}

	@Test
	void aMinimumSizeACategoryOrATlpFloorLeavesOutWhatTheDefaultsWouldRaise() {
		Agency everything = agency("TH");
		Agency bigNetworks = agency("TH");
		Agency moneyMules = agency("TH");
		Agency amberAndAbove = agency("TH");
		subscribe(bigNetworks, Map.of("minNetworkSize", 3));
		subscribe(moneyMules, Map.of("categories", List.of("MONEY_MULE")));
		subscribe(amberAndAbove, Map.of("tlpFloor", "AMBER"));
		Agency cambodia = agency("KH");
		Agency vietnam = agency("VN");
		String wallet = wallet();

		file(cambodia, "GREEN", "SCAM_COMPOUND", wallet);
		String pair = file(vietnam, "GREEN", "SCAM_COMPOUND", wallet);
		await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(everything, pair), a -> a != null);
		assertThat(alertFor(bigNetworks, pair)).as("two reports are fewer than three").isNull();
		assertThat(alertFor(moneyMules, pair)).as("no money-mule report in the network").isNull();
		assertThat(alertFor(amberAndAbove, pair)).as("a GREEN report is below the AMBER floor").isNull();

		String third = file(vietnam, "AMBER", "MONEY_MULE", wallet, amberAndAbove.organisationId(),
				bigNetworks.organisationId(), moneyMules.organisationId());
		await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(amberAndAbove, third), a -> a != null);
		assertThat(alertFor(bigNetworks, third)).as("three reports now").isNotNull();
		assertThat(alertFor(moneyMules, third)).as("a money-mule report now").isNotNull();
	}

	@Test
	void aDailyDigestGathersTheDaysAlertsIntoOneInsteadOfOneAlertPerLink() {
		Agency daily = agency("TH");
		Agency oneByOne = agency("TH");
		subscribe(daily, Map.of("digest", "DAILY"));
		Agency cambodia = agency("KH");
		Agency vietnam = agency("VN");
		String first = wallet();
		String second = wallet();
		file(cambodia, "GREEN", "SCAM_COMPOUND", first);
		String one = file(vietnam, "GREEN", "SCAM_COMPOUND", first);
		file(cambodia, "GREEN", "SCAM_COMPOUND", second);
		String two = file(vietnam, "GREEN", "SCAM_COMPOUND", second);
		await().atMost(Duration.ofSeconds(20)).until(() -> alertFor(oneByOne, two), a -> a != null);
		assertThat(alertFor(oneByOne, one)).isNotNull();
		assertThat(alertFor(daily, one)).as("held for the digest").isNull();
		assertThat(alertFor(daily, two)).as("held for the digest").isNull();
		assertThat(api.get(daily.analyst(), "/api/v1/signals/alerts/digests").json().size()).isZero();

		// the daily job, run as if at the end of the day rather than waited for
		Clock endOfDay = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
		assertThat(digests.deliver(endOfDay)).isPositive();

		JsonNode delivered = api.get(daily.analyst(), "/api/v1/signals/alerts/digests").json();
		assertThat(delivered.size()).isEqualTo(1);
		JsonNode digest = delivered.get(0);
		assertThat(digest.get("day").asString()).isEqualTo(endOfDay.instant().atZone(ZoneOffset.UTC).toLocalDate()
				.toString());
		assertThat(digest.get("alerts").valueStream().map(a -> a.get("report").get("id").asString()))
				.containsExactly(one, two);
		assertThat(digest.get("alerts").get(1).get("values").get(0).get("canonical").asString()).isEqualTo(second);
		// gathered once: the next run has nothing new for this organisation
		digests.deliver(endOfDay);
		assertThat(api.get(daily.analyst(), "/api/v1/signals/alerts/digests").json().size()).isEqualTo(1);
		assertThat(api.get(oneByOne.analyst(), "/api/v1/signals/alerts/digests").json().size()).isZero();
	}

	private void subscribe(Agency agency, Map<String, Object> choice) {
		var reply = api.put(agency.focalPoint(), PATH, choice);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private String file(Agency by, String tlp, String category, String wallet, String... recipients) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", Fixtures.unique("report"));
		body.put("reporterCountry", by.country());
		body.put("observedAt", "2026-10-01T08:00:00Z");
		body.put("category", category);
		body.put("tlp", tlp);
		body.put("indicators", List.of(Map.of("type", "crypto_address", "value", wallet)));
		body.put("recipients", List.of(recipients));
		var reply = api.post(by.analyst(), "/api/v1/signals/reports", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		// judged before the test looks: early warning has handled what this agency filed
		new Publications(jdbc).awaitHandled(List.of(by.organisationId()));
		return reply.json().get("id").asString();
	}

	private JsonNode alertFor(Agency agency, String reportId) {
		var reply = api.get(agency.analyst(), "/api/v1/signals/alerts");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		for (JsonNode alert : reply.json()) {
			if (alert.get("report").get("id").asString().equals(reportId)) {
				return alert;
			}
		}
		return null;
	}

	private Agency agency(String country) {
		String organisation = directory.organisation("LAW_ENFORCEMENT", country);
		return new Agency(organisation, country, directory.tokenFor(directory.account(organisation, "ANALYST")),
				directory.tokenFor(directory.account(organisation, "FOCAL_POINT")));
	}

	private static String wallet() {
		return "0x" + UUID.randomUUID().toString().replace("-", "") + "0badc0de";
	}

	/** An organisation with an analyst and a focal point. */
	private record Agency(String organisationId, String country, String analyst, String focalPoint) {
	}
}
