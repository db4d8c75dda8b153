package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;
import org.tipx.cases.internal.Cases;

/**
 * The care pages as a case worker and a supervisor use them without scripts: forms post, redirect and confirm; a
 * refused form lists what was wrong; another organisation's case answers 404; the pages speak Bahasa Indonesia.
 */
@TipxIntegrationTest
class CarePagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	CareTeam team;

	String caseId;

	Visitor caseWorker;

	@BeforeEach
	void team() {
		fixtures = new Fixtures(new Api(port));
		team = new CareTeam(fixtures, cases, jdbc);
		caseId = team.openCase();
		caseWorker = Visitor.loggedIn(port, team.caseWorkerName, Fixtures.PASSWORD);
	}

	String path(String page) {
		return "/cases/" + caseId + "/" + page;
	}

	@Test
	void aCaseWorkerAssessesOnThePageAndTheSupervisorApprovesIt() {
		Page empty = caseWorker.get(path("assessment"));
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.text("#no-assessment")).isEqualTo("Not assessed yet.");
		assertThat(empty.html().select("#approve")).isEmpty();

		Page refused = caseWorker.follow(caseWorker.submit(path("assessment"), "need.safety", "HIGH"));
		assertThat(refused.text("#problems")).contains("needs.health");
		assertThat(refused.text("#no-assessment")).isEqualTo("Not assessed yet.");
		assertThat(refused.html().selectFirst("#need-safety option[selected]").val()).as("kept to correct")
				.isEqualTo("HIGH");

		Page submitted = caseWorker.follow(caseWorker.submit(path("assessment"), "need.safety", "HIGH",
				"need.health", "LOW", "need.psychosocial", "MEDIUM", "need.legal", "HIGH", "need.debt", "HIGH",
				"need.family", "NONE", "need.child", "NONE", "note", "Afraid of the recruiter"));
		assertThat(submitted.text("#notice")).isEqualTo("The assessment was submitted for approval.");
		assertThat(submitted.html().selectFirst("#current-assessment").attr("data-state")).isEqualTo("SUBMITTED");
		assertThat(submitted.text("dd[data-area=safety]")).isEqualTo("High");
		assertThat(submitted.html().select("#approve")).as("a case worker does not approve").isEmpty();

		Visitor supervisor = Visitor.loggedIn(port, fixtures.account(team.organisation, "ORG_ADMIN"),
				Fixtures.PASSWORD);
		supervisor.get(path("assessment"));
		Page approved = supervisor.follow(supervisor.submit(path("assessment/approve")));
		assertThat(approved.text("#notice")).isEqualTo("The assessment was approved.");
		assertThat(approved.html().selectFirst("#current-assessment").attr("data-state")).isEqualTo("APPROVED");
	}

	@Test
	void aReintegrationPlanIsWrittenOnThePageWithGoalsAndMilestones() {
		caseWorker.get(path("plans/reintegration"));
		String due = LocalDate.now().plusMonths(2).toString();
		Page written = caseWorker.follow(caseWorker.submit(path("plans/reintegration"), "goal.TRAINING", "on",
				"TRAINING.0.description", "Join the tailoring course", "TRAINING.0.dueOn", due, "goal.HEALTH", "on",
				"submit", "true"));
		assertThat(written.text("#notice")).isEqualTo("The plan was submitted for approval.");
		assertThat(written.text("section.goal[data-area=TRAINING]")).contains("Join the tailoring course", due);
		assertThat(written.html().select("section.goal").eachAttr("data-area")).containsExactly("TRAINING", "HEALTH");
		assertThat(written.html().selectFirst("#goal-TRAINING").hasAttr("checked")).isTrue();

		Page returnPlan = caseWorker.get(path("plans/return"));
		assertThat(returnPlan.text("h1")).isEqualTo("Return plan");
		assertThat(caseWorker.get(path("plans/holiday")).status()).isEqualTo(404);
	}

	@Test
	void aRisingRiskRecordedOnThePageAddsATaskToMyTasksWhichIMarkDone() {
		caseWorker.get(path("visits"));
		Page low = caseWorker.follow(caseWorker.submit(path("visits"), "visitedOn", LocalDate.now().toString(),
				"jobOffers", "NONE", "debtPressure", "NONE", "recruiterContact", "NONE", "intentToMigrate", "NO"));
		assertThat(low.text("#notice")).isEqualTo("The visit was recorded.");
		assertThat(caseWorker.get("/tasks").text("#no-tasks")).isEqualTo("Nothing to do.");

		caseWorker.get(path("visits"));
		Page high = caseWorker.follow(caseWorker.submit(path("visits"), "visitedOn", LocalDate.now().toString(),
				"jobOffers", "CONSIDERING", "debtPressure", "SEVERE", "recruiterContact", "ONCE", "intentToMigrate",
				"UNSURE", "note", "A cousin offered a job in Cambodia"));
		assertThat(high.text("#notice")).contains("The risk is rising");
		assertThat(high.text("#case-risk")).isEqualTo("Re-recruitment risk: high");
		assertThat(high.html().select("article.visit").eachAttr("data-risk")).containsExactly("HIGH", "LOW");

		Page tasks = caseWorker.get("/tasks");
		assertThat(tasks.html().select("li.task-row[data-origin=RISK_RISING]")).hasSize(1);
		assertThat(tasks.text(".task-title")).isEqualTo("Re-recruitment risk is rising: visit or call the person");
		String taskId = tasks.html().selectFirst("li.task-row").id().substring("task-".length());
		Page done = caseWorker.follow(caseWorker.submit("/tasks/" + taskId + "/done"));
		assertThat(done.text("#notice")).isEqualTo("The task was marked done.");
		assertThat(done.text("#no-tasks")).isEqualTo("Nothing to do.");
	}

	@Test
	void theSupervisorClosesOnThePageOnlyOverridingAnUnansweredMeasureWithAReason() {
		CareTeam.Screened screened = team.screenVictim();
		String measures = "/cases/" + screened.caseId() + "/measures";
		Page list = caseWorker.get(measures);
		assertThat(list.html().select("article.measure").eachAttr("data-state")).allMatch("TO_REQUEST"::equals);
		String measureId = list.html().selectFirst("article.measure").id().substring("measure-".length());
		Page requested = caseWorker.follow(caseWorker.submit(measures + "/" + measureId + "/request", "requestedTo",
				"Immigration office, Mae Sot"));
		assertThat(requested.text("#notice")).isEqualTo("The request was recorded.");
		assertThat(requested.text("#measure-" + measureId)).contains("Immigration office, Mae Sot");

		String close = "/cases/" + screened.caseId() + "/close";
		assertThat(caseWorker.get(close).text("#only-supervisor")).contains("Only an administrator");
		Visitor supervisor = Visitor.loggedIn(port, fixtures.account(team.organisation, "ORG_ADMIN"),
				Fixtures.PASSWORD);
		assertThat(supervisor.get(close).text("#unanswered")).startsWith("1 non-punishment measure");
		Page held = supervisor.follow(supervisor.submit(close, "reason", "Returned home"));
		assertThat(held.text("#problems")).contains("measures");
		Page noReason = supervisor.follow(supervisor.submit(close, "override", "true"));
		assertThat(noReason.text("#problems")).contains("reason");
		Page closed = supervisor.follow(supervisor.submit(close, "override", "true", "reason",
				"Person moved abroad; no contact"));
		assertThat(closed.text("#notice")).isEqualTo("The case was closed.");
		assertThat(closed.text("#case-status")).isEqualTo("Closed");
		assertThat(caseWorker.get(measures).html().select("form")).as("no more changes")
				.allMatch(form -> form.attr("action").endsWith("/logout"));
	}

	@Test
	void anotherOrganisationsCaseIsNotFoundOnEveryCarePage() {
		CareTeam other = new CareTeam(fixtures, cases, jdbc);
		Visitor stranger = Visitor.loggedIn(port, other.caseWorkerName, Fixtures.PASSWORD);
		for (String page : new String[] { "assessment", "plans/return", "plans/reintegration", "visits", "measures",
				"close" }) {
			assertThat(stranger.get(path(page)).status()).as(page).isEqualTo(404);
		}
		stranger.get("/tasks");
		assertThat(stranger.submit(path("visits"), "visitedOn", LocalDate.now().toString(), "jobOffers", "NONE",
				"debtPressure", "NONE", "recruiterContact", "NONE", "intentToMigrate", "NO").status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM cases_visit WHERE case_id = ?::uuid").param(caseId)
				.query(Integer.class).single()).isZero();
	}

	@Test
	void thePagesSpeakBahasaIndonesia() {
		caseWorker.speaking("id");
		assertThat(caseWorker.get(path("visits")).text("h1")).isEqualTo("Kunjungan lanjutan");
		assertThat(caseWorker.get("/tasks").text("h1")).isEqualTo("Tugas saya");
		assertThat(caseWorker.get(path("measures")).text("#no-measures")).contains("non-penghukuman");
	}

	@Test
	void myTasksAreOfferedOnTheHomePage() {
		assertThat(caseWorker.get("/").html().select("a[href=/tasks]")).isNotEmpty();
	}
}
