package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
 * To another organisation, a case's care does not exist: every read and write of its assessment, plans, visits,
 * tasks, measures and closure answers 404, whatever the role, and nothing changes.
 */
@TipxIntegrationTest
class CareHiddenIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anotherOrganisationGets404OnAllOfIt() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		CareTeam owner = new CareTeam(fixtures, cases, jdbc);
		CareTeam.Screened screened = owner.screenVictim();
		String caseId = screened.caseId();
		String measure = api.get(owner.caseWorker, "/api/v1/cases/" + caseId + "/measures").json().get("items")
				.get(0).get("id").asString();
		String task = api.post(owner.caseWorker, "/api/v1/cases/" + caseId + "/tasks",
				Map.of("title", "Visit the shelter", "dueOn", LocalDate.now().toString())).json().get("id").asString();
		CareTeam other = new CareTeam(fixtures, cases, jdbc);
		String base = "/api/v1/cases/" + caseId;

		for (String token : List.of(other.caseWorker, other.supervisor)) {
			for (String path : List.of("/assessment", "/plans/return", "/plans/reintegration", "/visits", "/tasks",
					"/measures")) {
				Reply read = api.get(token, base + path);
				assertThat(read.status()).as(path).isEqualTo(404);
				assertThat(read.body()).as(path).doesNotContain("Rina").doesNotContain("shelter");
			}
			assertThat(api.put(token, base + "/assessment", CareApprovalIntegrationTests.needs("LOW")).status())
					.isEqualTo(404);
			assertThat(api.post(token, base + "/assessment/approve", null).status()).isEqualTo(404);
			assertThat(api.put(token, base + "/plans/return", Map.of("travelDocuments", "ISSUED", "escort", "NONE",
					"reception", "FAMILY", "familyContact", "CONTACTED")).status()).isEqualTo(404);
			assertThat(api.post(token, base + "/plans/return/approve", null).status()).isEqualTo(404);
			assertThat(api.post(token, base + "/visits",
					VisitsAndTasksIntegrationTests.visit("NONE", "NONE", "NONE", "NO")).status()).isEqualTo(404);
			assertThat(api.post(token, base + "/tasks", Map.of("title", "x", "dueOn", LocalDate.now().toString()))
					.status()).isEqualTo(404);
			assertThat(api.post(token, "/api/v1/tasks/" + task + "/done", null).status()).isEqualTo(404);
			assertThat(api.post(token, base + "/measures/" + measure + "/request", Map.of("requestedTo", "Police"))
					.status()).isEqualTo(404);
			assertThat(api.post(token, base + "/measures/" + measure + "/answer", Map.of("outcome", "DONE"))
					.status()).isEqualTo(404);
			assertThat(api.post(token, base + "/close", Map.of("reason", "Not ours", "override", true)).status())
					.isEqualTo(404);
			assertThat(api.get(token, "/api/v1/tasks").json().get("items").isEmpty()).isTrue();
		}
		assertThat(api.get(owner.caseWorker, base + "/measures").json().get("items").get(0).get("state").asString())
				.isEqualTo("TO_REQUEST");
		assertThat(api.get(owner.caseWorker, base + "/tasks").json().get("items").get(0).get("state").asString())
				.isEqualTo("OPEN");
		assertThat(api.get(owner.caseWorker, base + "/visits").json().get("items").isEmpty()).isTrue();
		assertThat(jdbc.sql("SELECT status FROM cases_case WHERE id = ?::uuid").param(caseId).query(String.class)
				.single()).isEqualTo("OPEN");
	}

	@Test
	void aBreakGlassReaderSeesTheCareButChangesNothing() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		CareTeam owner = new CareTeam(fixtures, cases, jdbc);
		String caseId = owner.openCase();
		api.put(owner.caseWorker, "/api/v1/cases/" + caseId + "/assessment", CareApprovalIntegrationTests.needs("HIGH"));
		CareTeam other = new CareTeam(fixtures, cases, jdbc);
		// the grant as the break-glass use case leaves it (its API is the lead's; the row is what access reads)
		jdbc.sql("""
				INSERT INTO cases_break_glass (id, case_id, organisation_id, account_id, actor, reason, granted_at,
				  expires_at) VALUES (gen_random_uuid(), ?::uuid, ?::uuid, ?::uuid, ?, 'sealed elsewhere', now(),
				  now() + interval '1 hour')""")
				.params(caseId, other.organisation, fixtures.accountId(other.caseWorkerName), other.caseWorkerName)
				.update();
		String base = "/api/v1/cases/" + caseId;

		Reply read = api.get(other.caseWorker, base + "/assessment");
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("current").get("needs").get("safety").asString()).isEqualTo("HIGH");
		assertThat(api.get(other.caseWorker, base + "/visits").status()).isEqualTo(200);
		assertThat(api.get(other.caseWorker, base + "/tasks").status()).isEqualTo(200);
		assertThat(api.get(other.caseWorker, base + "/measures").status()).isEqualTo(200);

		assertThat(api.put(other.caseWorker, base + "/assessment", CareApprovalIntegrationTests.needs("LOW"))
				.status()).isEqualTo(404);
		assertThat(api.post(other.caseWorker, base + "/visits",
				VisitsAndTasksIntegrationTests.visit("NONE", "NONE", "NONE", "NO")).status()).isEqualTo(404);
		assertThat(api.post(other.caseWorker, base + "/tasks", Map.of("title", "x", "dueOn",
				LocalDate.now().toString())).status()).isEqualTo(404);
		assertThat(api.get(owner.caseWorker, base + "/assessment").json().get("versions").size()).isEqualTo(1);
		assertThat(api.get(owner.caseWorker, base + "/visits").json().get("items").isEmpty()).isTrue();
	}

	@Test
	void aReferredOrganisationReadsTheCaseButNotItsCare() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		CareTeam owner = new CareTeam(fixtures, cases, jdbc);
		String caseId = owner.openCase();
		api.put(owner.caseWorker, "/api/v1/cases/" + caseId + "/assessment", CareApprovalIntegrationTests.needs("HIGH"));
		CareTeam referred = new CareTeam(fixtures, cases, jdbc);
		// an accepted referral as the referral use case leaves it (its API is the lead's; the row is what access reads)
		jdbc.sql("""
				INSERT INTO cases_referral (id, case_id, from_organisation_id, to_organisation_id, state, services,
				  share_personal, consent_version, sent_by, sent_at, answered_by, answered_at)
				VALUES (gen_random_uuid(), ?::uuid, ?::uuid, ?::uuid, 'ACCEPTED', '{SHELTER}', FALSE, 1, 'test', now(),
				  'test', now())""")
				.params(caseId, owner.organisation, referred.organisation).update();
		String base = "/api/v1/cases/" + caseId;
		for (String path : List.of("/assessment", "/plans/return", "/visits", "/tasks", "/measures")) {
			assertThat(api.get(referred.caseWorker, base + path).status()).as(path).isEqualTo(404);
		}
		assertThat(api.post(referred.caseWorker, base + "/visits",
				VisitsAndTasksIntegrationTests.visit("NONE", "NONE", "NONE", "NO")).status()).isEqualTo(404);
	}
}
