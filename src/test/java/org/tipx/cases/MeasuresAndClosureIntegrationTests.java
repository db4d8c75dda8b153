package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.cases.internal.Cases;
import tools.jackson.databind.JsonNode;

/**
 * Non-punishment to the end: the measures of a screening's determination become items on the case, requested and
 * answered in order, carrying the letter's verification code; the case cannot be closed while one is unanswered,
 * unless its administrator overrides with a reason; a closed case refuses changes.
 */
@TipxIntegrationTest
class MeasuresAndClosureIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	Api api;

	CareTeam team;

	CareTeam.Screened screened;

	@BeforeEach
	void victim() {
		api = new Api(port);
		team = new CareTeam(new Fixtures(api), cases, jdbc);
		screened = team.screenVictim();
	}

	List<JsonNode> measures() {
		Reply reply = api.get(team.caseWorker, "/api/v1/cases/" + screened.caseId() + "/measures");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("items").valueStream().toList();
	}

	String path(String measureId, String action) {
		return "/api/v1/cases/" + screened.caseId() + "/measures/" + measureId + "/" + action;
	}

	@Test
	void measuresAreRequestedThenAnsweredInOrder() {
		List<JsonNode> measures = measures();
		assertThat(measures).extracting(m -> m.get("measure").asString()).contains("WAIVE_OVERSTAY_FINES");
		assertThat(measures).allSatisfy(m -> assertThat(m.get("state").asString()).isEqualTo("TO_REQUEST"));
		String id = measures.get(0).get("id").asString();

		Reply early = api.post(team.caseWorker, path(id, "answer"), Map.of("outcome", "DONE"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("state");
		assertThat(api.post(team.caseWorker, path(id, "request"), Map.of("requestedTo", " ")).status())
				.isEqualTo(400);

		Reply requested = api.post(team.caseWorker, path(id, "request"),
				Map.of("requestedTo", "Immigration Bureau, Mae Sot"));
		assertThat(requested.status()).as(requested.body()).isEqualTo(200);
		assertThat(requested.json().get("state").asString()).isEqualTo("REQUESTED");
		assertThat(requested.json().get("requestedTo").asString()).isEqualTo("Immigration Bureau, Mae Sot");
		assertThat(api.post(team.caseWorker, path(id, "request"), Map.of("requestedTo", "Again")).status())
				.isEqualTo(409);
		assertThat(api.post(team.caseWorker, path(id, "answer"), Map.of("outcome", "MAYBE")).json().get("errors")
				.get(0).get("field").asString()).isEqualTo("outcome");

		Reply answered = api.post(team.caseWorker, path(id, "answer"),
				Map.of("outcome", "REFUSED", "answer", "Fine stands; appeal possible"));
		assertThat(answered.json().get("state").asString()).isEqualTo("REFUSED");
		assertThat(answered.json().get("answer").asString()).isEqualTo("Fine stands; appeal possible");
		assertThat(jdbc.sql("SELECT requested_to || answer FROM cases_measure WHERE id = ?::uuid").param(id)
				.query(String.class).single()).doesNotContain("Mae Sot").doesNotContain("appeal");
	}

	@Test
	void anUnansweredMeasureHoldsTheClosureUntilTheSupervisorOverridesWithAReason() {
		String id = measures().get(0).get("id").asString();
		api.post(team.caseWorker, path(id, "request"), Map.of("requestedTo", "Provincial prosecutor"));
		String close = "/api/v1/cases/" + screened.caseId() + "/close";

		assertThat(api.post(team.caseWorker, close, Map.of("reason", "Returned home")).status()).isEqualTo(403);
		Reply held = api.post(team.supervisor, close, Map.of("reason", "Returned home", "override", false));
		assertThat(held.status()).isEqualTo(409);
		assertThat(held.json().get("errors").get(0).get("field").asString()).isEqualTo("measures");
		Reply noReason = api.post(team.supervisor, close, Map.of("override", true));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		assertThat(status()).isEqualTo("OPEN");

		Reply closed = api.post(team.supervisor, close,
				Map.of("override", true, "reason", "Person unreachable after return to Surabaya"));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().get("overrode").asBoolean()).isTrue();
		assertThat(status()).isEqualTo("CLOSED");
		assertThat(jdbc.sql("SELECT closure_reason FROM cases_case WHERE id = ?::uuid").param(screened.caseId())
				.query(String.class).single()).doesNotContain("Surabaya");
		assertThat(jdbc.sql("SELECT count(*) FROM cases_timeline WHERE case_id = ?::uuid AND kind = 'case.closed'")
				.param(screened.caseId()).query(Integer.class).single()).isEqualTo(1);

		Reply afterwards = api.post(team.caseWorker, "/api/v1/cases/" + screened.caseId() + "/tasks",
				Map.of("title", "One more call", "dueOn", LocalDate.now().toString()));
		assertThat(afterwards.status()).isEqualTo(409);
		assertThat(afterwards.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}

	@Test
	void aCaseWithoutUnansweredMeasuresClosesWithoutOverride() {
		Reply closed = api.post(team.supervisor, "/api/v1/cases/" + screened.caseId() + "/close",
				Map.of("reason", "Reintegrated"));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().get("overrode").asBoolean()).isFalse();
		assertThat(status()).isEqualTo("CLOSED");
	}

	@Test
	void theLettersVerificationCodeIsShownOnTheCasesMeasures() {
		api.post(team.screener, "/api/v1/screenings/" + screened.screeningId() + "/confirm", null);
		Reply letter = api.post(team.screener, "/api/v1/screenings/" + screened.screeningId() + "/letters",
				Map.of("language", "id"));
		assertThat(letter.status()).as(letter.body()).isEqualTo(201);
		String code = letter.json().get("code").asString();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(measures())
				.allSatisfy(m -> assertThat(m.get("letterCode").asString()).isEqualTo(code)));
	}

	String status() {
		return jdbc.sql("SELECT status FROM cases_case WHERE id = ?::uuid").param(screened.caseId())
				.query(String.class).single();
	}
}
