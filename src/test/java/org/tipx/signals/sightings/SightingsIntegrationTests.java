package org.tipx.signals.sightings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxEntry;

import tools.jackson.databind.JsonNode;

/**
 * Sightings and outcomes through the API (ADR 0032): who may record them, who sees them, what the reporting
 * organisation is told, how bad input is refused, notes sealed at rest, confidence restarting when a value is seen
 * again, and false-positive votes putting a value up for review.
 */
@TipxIntegrationTest
class SightingsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOutcomeRecordedByAnotherOrganisationReachesTheReportingOrganisation() {
		World w = new World();
		Agency reporter = w.agency("KH");
		Agency partner = w.agency("TH");
		String wallet = wallet();
		String report = w.file(reporter, "AMBER", 80, wallet, partner.organisation());
		String indicator = w.indicatorId(partner, report);

		var recorded = w.api.post(partner.token(), sightings(indicator), Map.of("kind", "wallet_frozen",
				"observedAt", "2026-11-20T10:00:00Z", "note", "Frozen by the exchange after our request"));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		assertThat(recorded.json().get("kind").asString()).isEqualTo("WALLET_FROZEN");
		String sightingId = recorded.json().get("id").asString();
		assertThat(recorded.json().get("stixId").asString()).isEqualTo("sighting--" + sightingId);

		JsonNode seenByReporter = w.api.get(reporter.token(), "/api/v1/signals/reports/" + report).json()
				.get("indicators").get(0).get("sightings");
		assertThat(seenByReporter.get("counts").get("WALLET_FROZEN").asInt()).isEqualTo(1);
		JsonNode one = seenByReporter.get("sightings").get(0);
		assertThat(one.get("organisationId").asString()).isEqualTo(partner.organisation());
		assertThat(one.get("observedAt").asString()).isEqualTo("2026-11-20T10:00:00Z");
		assertThat(one.get("note").isNull()).as("the report answer carries no notes").isTrue();
		JsonNode listed = w.api.get(reporter.token(), sightings(indicator)).json();
		assertThat(listed.get("sightings").get(0).get("note").asString())
				.isEqualTo("Frozen by the exchange after our request");

		List<InboxEntry> told = inbox.of(UUID.fromString(reporter.organisation()), Sightings.INBOX_KIND, null, 50)
				.stream().filter(e -> e.key().equals(sightingId)).toList();
		assertThat(told).hasSize(1);
		assertThat(told.get(0).payload()).contains("WALLET_FROZEN").contains(report)
				.doesNotContain("Frozen by the exchange");
		assertThat(inbox.of(UUID.fromString(partner.organisation()), Sightings.INBOX_KIND, null, 50))
				.noneMatch(e -> e.key().equals(sightingId));
	}

	@Test
	void anOrganisationThatCannotSeeTheReportIsToldTheIndicatorDoesNotExist() {
		World w = new World();
		Agency reporter = w.agency("KH");
		Agency partner = w.agency("TH");
		Agency outsider = w.agency("LA");
		String report = w.file(reporter, "AMBER", 80, wallet(), partner.organisation());
		String indicator = w.indicatorId(partner, report);
		Map<String, Object> body = Map.of("kind", "SEEN", "observedAt", "2026-11-20T10:00:00Z");

		var hidden = w.api.post(outsider.token(), sightings(indicator), body);
		var missing = w.api.post(outsider.token(), sightings(UUID.randomUUID().toString()), body);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(w.api.get(outsider.token(), sightings(indicator)).status()).isEqualTo(404);
		assertThat(count(indicator)).isZero();
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
		World w = new World();
		Agency reporter = w.agency("KH");
		Agency partner = w.agency("TH");
		String report = w.file(reporter, "GREEN", 80, wallet());
		String indicator = w.indicatorId(partner, report);
		String future = Instant.now().plus(2, ChronoUnit.DAYS).toString();

		assertRefused(w, partner, indicator, Map.of("kind", "SPOTTED", "observedAt", "2026-11-20"), "kind");
		assertRefused(w, partner, indicator, Map.of("kind", "SEEN", "observedAt", future), "observedAt");
		assertRefused(w, partner, indicator, Map.of("kind", "SEEN"), "observedAt");
		assertRefused(w, partner, indicator, Map.of("kind", "SEEN", "observedAt", "last week"), "observedAt");
		assertRefused(w, partner, indicator,
				Map.of("kind", "SEEN", "observedAt", "2026-11-20", "note", "x".repeat(2_001)), "note");
		assertThat(count(indicator)).isZero();

		var accepted = w.api.post(partner.token(), sightings(indicator),
				Map.of("kind", "Number_Blocked", "observedAt", "2026-11-20"));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		assertThat(accepted.json().get("kind").asString()).isEqualTo("NUMBER_BLOCKED");
		assertThat(count(indicator)).isOne();
	}

	@Test
	void theNoteIsSealedAtRest() {
		World w = new World();
		Agency reporter = w.agency("KH");
		String report = w.file(reporter, "GREEN", 80, wallet());
		String indicator = w.indicatorId(reporter, report);
		String note = "Seen again on a recruiter's page " + UUID.randomUUID();
		var recorded = w.api.post(reporter.token(), sightings(indicator),
				Map.of("kind", "SEEN", "observedAt", "2026-11-20", "note", note));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

		String stored = jdbc.sql("SELECT note FROM signals_sighting WHERE id = ?")
				.param(UUID.fromString(recorded.json().get("id").asString())).query(String.class).single();
		assertThat(stored).isNotBlank().doesNotContain("recruiter");
		assertThat(w.api.get(reporter.token(), sightings(indicator)).json().get("sightings").get(0).get("note")
				.asString()).isEqualTo(note);
	}

	@Test
	void anotherOrganisationSeesItsOwnSightingsOneByOneAndTheRestAsCounts() {
		World w = new World();
		Agency reporter = w.agency("KH");
		Agency first = w.agency("TH");
		Agency second = w.agency("VN");
		String report = w.file(reporter, "GREEN", 80, wallet());
		String indicator = w.indicatorId(first, report);
		w.api.post(first.token(), sightings(indicator), Map.of("kind", "SEEN", "observedAt", "2026-11-20",
				"note", "private note of the first"));

		JsonNode bySecond = w.api.get(second.token(), sightings(indicator)).json();
		assertThat(bySecond.get("counts").get("SEEN").asInt()).isEqualTo(1);
		assertThat(bySecond.get("sightings").size()).isZero();
		assertThat(bySecond.toString()).doesNotContain("private note").doesNotContain(first.organisation());
		JsonNode byFirst = w.api.get(first.token(), sightings(indicator)).json();
		assertThat(byFirst.get("sightings").size()).isEqualTo(1);
	}

	@Test
	void aConfirmingSightingRestoresTheConfidenceThatHadDecayed() {
		World w = new World();
		Agency reporter = w.agency("KH");
		Agency partner = w.agency("TH");
		String report = w.file(reporter, "GREEN", 80, wallet());
		String indicator = w.indicatorId(partner, report);
		int before = w.api.get(partner.token(), sightings(indicator)).json().get("effectiveConfidence").asInt();
		assertThat(before).as("filed with 80, observed weeks ago").isLessThan(80);

		w.api.post(partner.token(), sightings(indicator), Map.of("kind", "SEEN", "observedAt", Instant.now().toString()));

		int after = w.api.get(partner.token(), sightings(indicator)).json().get("effectiveConfidence").asInt();
		assertThat(after).isEqualTo(80);
	}

	@Test
	void falsePositiveVotesFromTwoOtherOrganisationsPutTheValueUpForReview() {
		World w = new World();
		Agency reporter = w.agency("KH");
		Agency first = w.agency("TH");
		Agency second = w.agency("VN");
		String wallet = wallet();
		String report = w.file(reporter, "GREEN", 80, wallet);
		String indicator = w.indicatorId(first, report);
		Map<String, Object> vote = Map.of("kind", "FALSE_POSITIVE", "observedAt", "2026-11-20");

		w.api.post(reporter.token(), sightings(indicator), vote);
		w.api.post(first.token(), sightings(indicator), vote);
		w.api.post(first.token(), sightings(indicator), vote);
		assertThat(flagged(w)).as("one other organisation, however often, is not enough").doesNotContain(wallet);

		w.api.post(second.token(), sightings(indicator), vote);
		assertThat(flagged(w)).contains(wallet);
	}

	private List<String> flagged(World w) {
		var reply = w.api.get(w.directory.admin, "/api/v1/signals/flagged-values");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().valueStream().filter(v -> v.get("reason").asString().contains("false positive"))
				.map(v -> v.get("canonical").asString()).toList();
	}

	private void assertRefused(World w, Agency by, String indicator, Map<String, Object> body, String field) {
		var reply = w.api.post(by.token(), sightings(indicator), body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	private long count(String indicator) {
		return jdbc.sql("SELECT count(*) FROM signals_sighting s JOIN signals_indicator i"
				+ " ON i.report_id = s.report_id AND i.position = s.position WHERE i.id = ?")
				.param(UUID.fromString(indicator)).query(Long.class).single();
	}

	static String sightings(String indicator) {
		return "/api/v1/signals/indicators/" + indicator + "/sightings";
	}

	/** A fresh EVM wallet address, so that a test's reports link only with each other. */
	static String wallet() {
		StringBuilder hex = new StringBuilder("0x");
		for (int i = 0; i < 40; i++) {
			hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
		}
		return hex.toString();
	}

	record Agency(String organisation, String token) {
	}

	private final class World {

		final Api api = new Api(port);

		final Fixtures directory = new Fixtures(api);

		Agency agency(String country) {
			String organisation = directory.organisation("LAW_ENFORCEMENT", country);
			return new Agency(organisation, directory.tokenFor(directory.account(organisation, "ANALYST")));
		}

		String file(Agency by, String tlp, int confidence, String wallet, String... recipients) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("title", Fixtures.unique("Wallet"));
			body.put("reporterCountry", "KH");
			body.put("observedAt", "2026-10-01T08:00:00Z");
			body.put("category", "SCAM_COMPOUND");
			body.put("tlp", tlp);
			body.put("confidence", confidence);
			body.put("recipients", List.of(recipients));
			body.put("indicators", List.of(new HashMap<>(Map.of("type", "crypto_address", "value", wallet))));
			var reply = api.post(by.token(), "/api/v1/signals/reports", body);
			assertThat(reply.status()).as(reply.body()).isEqualTo(201);
			return reply.json().get("id").asString();
		}

		String indicatorId(Agency by, String report) {
			var reply = api.get(by.token(), "/api/v1/signals/reports/" + report);
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			return reply.json().get("indicators").get(0).get("id").asString();
		}
	}
}
