package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The assessment and the plans: written by the owning organisation's case worker, approved by its administrator only,
 * each change a new version, the free texts sealed, bad input refused with nothing stored.
 */
@TipxIntegrationTest
class CareApprovalIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	Api api;

	CareTeam team;

	String caseId;

	@BeforeEach
	void team() {
		api = new Api(port);
		team = new CareTeam(new Fixtures(api), cases, jdbc);
		caseId = team.openCase();
	}

	static Map<String, Object> needs(String safety) {
		return Map.of("needs", Map.of("safety", safety, "health", "MEDIUM", "psychosocial", "HIGH", "legal", "HIGH",
				"debt", "MEDIUM", "family", "LOW", "child", "NONE"), "note", "Recruiter Pak Budi still calls her");
	}

	@Test
	void aCaseWorkerAssessesAndOnlyTheSupervisorApproves() {
		Reply submitted = api.put(team.caseWorker, "/api/v1/cases/" + caseId + "/assessment", needs("HIGH"));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.json().get("current").get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.json().get("current").get("needs").get("safety").asString()).isEqualTo("HIGH");
		assertThat(submitted.json().get("current").get("note").asString()).contains("Pak Budi");
		assertThat(jdbc.sql("SELECT note FROM cases_assessment WHERE case_id = ?::uuid").param(caseId)
				.query(String.class).single()).as("sealed at rest").doesNotContain("Budi");

		Reply byCaseWorker = api.post(team.caseWorker, "/api/v1/cases/" + caseId + "/assessment/approve", null);
		assertThat(byCaseWorker.status()).isEqualTo(403);
		assertThat(byCaseWorker.isProblem()).isTrue();

		Reply approved = api.post(team.supervisor, "/api/v1/cases/" + caseId + "/assessment/approve", null);
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("current").get("state").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().get("current").get("approvedBy").isNull()).isFalse();
		assertThat(api.post(team.supervisor, "/api/v1/cases/" + caseId + "/assessment/approve", null).status())
				.as("approved already").isEqualTo(409);

		Reply second = api.put(team.caseWorker, "/api/v1/cases/" + caseId + "/assessment", needs("LOW"));
		assertThat(second.json().get("current").get("version").asInt()).isEqualTo(2);
		assertThat(second.json().get("current").get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(second.json().get("versions").get(1).get("state").asString()).isEqualTo("APPROVED");
		assertThat(kinds()).contains("assessment.submitted", "assessment.approved");
	}

	@Test
	void anIncompleteAssessmentIsRefusedNamingTheAreaAndNothingIsStored() {
		Reply refused = api.put(team.caseWorker, "/api/v1/cases/" + caseId + "/assessment",
				Map.of("needs", Map.of("safety", "EXTREME", "health", "LOW")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.contains("needs.safety", "needs.psychosocial", "needs.child");
		assertThat(api.get(team.caseWorker, "/api/v1/cases/" + caseId + "/assessment").json().get("current").isNull())
				.isTrue();
	}

	@Test
	void aReturnPlanIsSubmittedAndApprovedWhileADraftCannotBe() {
		Map<String, Object> plan = Map.of("travelDocuments", "TO_APPLY", "escort", "IOM", "reception",
				"SOCIAL_SERVICES", "familyContact", "CONTACTED", "returnOn", LocalDate.now().plusDays(20).toString(),
				"note", "Mother in Cianjur expects her");
		Reply draft = api.put(team.caseWorker, "/api/v1/cases/" + caseId + "/plans/return", plan);
		assertThat(draft.status()).as(draft.body()).isEqualTo(200);
		assertThat(draft.json().get("current").get("state").asString()).isEqualTo("DRAFT");
		Reply notSubmitted = api.post(team.supervisor, "/api/v1/cases/" + caseId + "/plans/return/approve", null);
		assertThat(notSubmitted.status()).isEqualTo(409);
		assertThat(notSubmitted.json().get("errors").get(0).get("field").asString()).isEqualTo("state");

		var submitted = new java.util.HashMap<>(plan);
		submitted.put("submit", true);
		api.put(team.caseWorker, "/api/v1/cases/" + caseId + "/plans/return", submitted);
		assertThat(api.post(team.caseWorker, "/api/v1/cases/" + caseId + "/plans/return/approve", null).status())
				.isEqualTo(403);
		Reply approved = api.post(team.supervisor, "/api/v1/cases/" + caseId + "/plans/return/approve", null);
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		var current = approved.json().get("current");
		assertThat(current.get("version").asInt()).isEqualTo(2);
		assertThat(current.get("state").asString()).isEqualTo("APPROVED");
		assertThat(current.get("content").get("escort").asString()).isEqualTo("IOM");
		assertThat(current.get("content").get("note").asString()).isEqualTo("Mother in Cianjur expects her");
		assertThat(jdbc.sql("SELECT content::text || coalesce(texts, '') FROM cases_plan WHERE case_id = ?::uuid")
				.param(caseId).query(String.class).list()).noneMatch(row -> row.contains("Cianjur"));
	}

	@Test
	void aReintegrationPlanHasGoalsWithMilestonesAndRefusesUnknownAreas() {
		Reply bad = api.put(team.caseWorker, "/api/v1/cases/" + caseId + "/plans/reintegration",
				Map.of("goals", List.of(Map.of("area", "LOTTERY", "milestones", List.of(Map.of("dueOn", "2027-01-10"))))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.contains("goals[0].area", "goals[0].milestones[0].description");

		Reply written = api.put(team.caseWorker, "/api/v1/cases/" + caseId + "/plans/reintegration",
				Map.of("submit", true, "goals", List.of(
						Map.of("area", "TRAINING", "milestones", List.of(Map.of("description",
								"Enrol in the sewing course", "dueOn", LocalDate.now().plusMonths(1).toString()))),
						Map.of("area", "DEBT_COUNSELLING", "milestones", List.of()))));
		assertThat(written.status()).as(written.body()).isEqualTo(200);
		var goals = written.json().get("current").get("content").get("goals");
		assertThat(goals.get(0).get("area").asString()).isEqualTo("TRAINING");
		assertThat(goals.get(0).get("milestones").get(0).get("description").asString())
				.isEqualTo("Enrol in the sewing course");
		assertThat(goals.get(0).get("milestones").get(0).get("done").asBoolean()).isFalse();
		assertThat(api.post(team.supervisor, "/api/v1/cases/" + caseId + "/plans/reintegration/approve", null)
				.status()).isEqualTo(200);
		assertThat(api.get(team.caseWorker, "/api/v1/cases/" + caseId + "/plans/holiday").status()).isEqualTo(400);
	}

	List<String> kinds() {
		return jdbc.sql("SELECT kind FROM cases_timeline WHERE case_id = ?::uuid ORDER BY at").param(caseId)
				.query(String.class).list();
	}
}
