package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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
 * Follow-up visits and tasks: a visit's risk check sets the case's risk, a rising risk raises a task due in three days
 * for the team, and a case worker's list holds only their organisation's open tasks that are theirs or nobody's,
 * overdue ones when asked.
 */
@TipxIntegrationTest
class VisitsAndTasksIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Fixtures fixtures;

	CareTeam team;

	String caseId;

	@BeforeEach
	void team() {
		api = new Api(port);
		fixtures = new Fixtures(api);
		team = new CareTeam(fixtures, cases, jdbc);
		caseId = team.openCase();
	}

	static Map<String, Object> visit(String jobOffers, String debt, String recruiter, String intent) {
		Map<String, Object> visit = new HashMap<>(Map.of("visitedOn", LocalDate.now().toString(), "jobOffers",
				jobOffers, "debtPressure", debt, "recruiterContact", recruiter, "intentToMigrate", intent));
		visit.put("note", "Met at her aunt's house in Bekasi");
		return visit;
	}

	Reply record(Map<String, Object> visit) {
		return api.post(team.caseWorker, "/api/v1/cases/" + caseId + "/visits", visit);
	}

	List<JsonNode> caseTasks() {
		return api.get(team.caseWorker, "/api/v1/cases/" + caseId + "/tasks").json().get("items").valueStream()
				.toList();
	}

	@Test
	void aRisingReRecruitmentRiskRaisesATaskDueInThreeDays() {
		Reply low = record(visit("NONE", "SOME", "NONE", "NO"));
		assertThat(low.status()).as(low.body()).isEqualTo(201);
		assertThat(low.json().get("risk").asString()).isEqualTo("LOW");
		assertThat(caseTasks()).isEmpty();

		Reply medium = record(visit("CONSIDERING", "SOME", "NONE", "NO"));
		assertThat(medium.json().get("risk").asString()).isEqualTo("MEDIUM");
		assertThat(medium.json().get("riskTaskId").isNull()).isFalse();
		List<JsonNode> tasks = caseTasks();
		assertThat(tasks).hasSize(1);
		assertThat(tasks.get(0).get("origin").asString()).isEqualTo("RISK_RISING");
		assertThat(tasks.get(0).get("state").asString()).isEqualTo("OPEN");
		assertThat(tasks.get(0).get("dueOn").asString()).isEqualTo(LocalDate.now().plusDays(3).toString());
		assertThat(jdbc.sql("SELECT risk FROM cases_case WHERE id = ?::uuid").param(caseId).query(String.class)
				.single()).isEqualTo("MEDIUM");
		assertThat(jdbc.sql("SELECT count(*) FROM cases_timeline WHERE case_id = ?::uuid AND kind = 'risk.rising'")
				.param(caseId).query(Integer.class).single()).isEqualTo(1);

		Reply same = record(visit("CONSIDERING", "SOME", "NONE", "NO"));
		assertThat(same.json().get("riskTaskId").isNull()).as("not rising").isTrue();
		assertThat(caseTasks()).hasSize(1);

		List<JsonNode> visits = api.get(team.caseWorker, "/api/v1/cases/" + caseId + "/visits").json().get("items")
				.valueStream().toList();
		assertThat(visits).hasSize(3);
		assertThat(visits.get(0).get("note").asString()).contains("Bekasi");
		assertThat(jdbc.sql("SELECT note FROM cases_visit WHERE case_id = ?::uuid").param(caseId).query(String.class)
				.list()).noneMatch(note -> note.contains("Bekasi"));
	}

	@Test
	void aHighRiskAtTheFirstVisitRaisesATaskToo() {
		Reply high = record(visit("CONSIDERING", "SEVERE", "REPEATED", "YES"));
		assertThat(high.json().get("risk").asString()).isEqualTo("HIGH");
		assertThat(caseTasks()).extracting(t -> t.get("origin").asString()).containsExactly("RISK_RISING");
	}

	@Test
	void aVisitWithMissingAnswersIsRefusedAndNothingIsStored() {
		Reply refused = api.post(team.caseWorker, "/api/v1/cases/" + caseId + "/visits",
				Map.of("visitedOn", LocalDate.now().plusDays(2).toString(), "jobOffers", "MANY"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.contains("visitedOn", "jobOffers", "debtPressure", "recruiterContact", "intentToMigrate");
		assertThat(api.get(team.caseWorker, "/api/v1/cases/" + caseId + "/visits").json().get("items").isEmpty())
				.isTrue();
	}

	@Test
	void theOverdueListHoldsOnlyTheCallersOrganisationsPastDueTasksThatAreTheirsOrNobodys() {
		String mine = addTask(team.caseWorker, caseId, "Call the labour office", LocalDate.now().minusDays(2), null);
		addTask(team.caseWorker, caseId, "Book the bus ticket", LocalDate.now().plusDays(5), null);
		String colleague = fixtures.account(team.organisation, "CASE_WORKER");
		addTask(team.caseWorker, caseId, "Colleague's visit", LocalDate.now().minusDays(1),
				fixtures.accountId(colleague));
		CareTeam other = new CareTeam(fixtures, cases, jdbc);
		String elsewhere = addTask(other.caseWorker, other.openCase(), "Another team's late task",
				LocalDate.now().minusDays(3), null);

		List<JsonNode> overdue = api.get(team.caseWorker, "/api/v1/tasks?overdue=true").json().get("items")
				.valueStream().toList();
		assertThat(overdue).extracting(t -> t.get("id").asString()).containsExactly(mine);
		assertThat(overdue.get(0).get("overdue").asBoolean()).isTrue();
		assertThat(overdue.get(0).get("title").asString()).isEqualTo("Call the labour office");
		assertThat(api.get(team.caseWorker, "/api/v1/tasks").json().get("items").valueStream()
				.map(t -> t.get("title").asString())).containsExactly("Call the labour office", "Book the bus ticket");
		assertThat(api.get(fixtures.tokenFor(colleague), "/api/v1/tasks?overdue=true").json().get("items")
				.valueStream().map(t -> t.get("title").asString()))
				.containsExactly("Call the labour office", "Colleague's visit");

		assertThat(api.post(team.caseWorker, "/api/v1/tasks/" + elsewhere + "/done", null).status()).isEqualTo(404);
		Reply done = api.post(team.caseWorker, "/api/v1/tasks/" + mine + "/done", null);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().get("state").asString()).isEqualTo("DONE");
		assertThat(api.post(team.caseWorker, "/api/v1/tasks/" + mine + "/done", null).status()).isEqualTo(409);
		assertThat(api.get(team.caseWorker, "/api/v1/tasks?overdue=true").json().get("items").isEmpty()).isTrue();
	}

	@Test
	void aTaskWithoutTitleOrDueDateIsRefused() {
		Reply refused = api.post(team.caseWorker, "/api/v1/cases/" + caseId + "/tasks", Map.of("title", " "));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.containsExactlyInAnyOrder("title", "dueOn");
		assertThat(caseTasks()).isEmpty();
	}

	String addTask(String token, String caseId, String title, LocalDate dueOn, String assignedTo) {
		Map<String, Object> body = new HashMap<>(Map.of("title", title, "dueOn", dueOn.toString()));
		if (assignedTo != null) {
			body.put("assignedTo", assignedTo);
		}
		Reply reply = api.post(token, "/api/v1/cases/" + caseId + "/tasks", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}
}
