package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.tipx.screening.internal.ScreeningDrafts;

/**
 * The web interview over HTTP, as a browser without JavaScript uses it: only the officer who started a draft opens
 * it, other roles may not start one, drafts hold their answers and the interpreter's name sealed, and a finished
 * draft becomes a screening.
 */
@TipxIntegrationTest
class WebInterviewIntegrationTests {

	static final String INTERPRETER = "Maria Kowalczyk-Santos";

	static final String NAME = "Siti Wulandari Rahmawati";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScreeningDrafts drafts;

	Fixtures fixtures;

	String organisation;

	Visitor officer;

	@BeforeEach
	void officer() {
		fixtures = new Fixtures(new Api(port));
		organisation = fixtures.organisation("CONSULATE", "ID");
		officer = screener(organisation);
	}

	Visitor screener(String organisationId) {
		return Visitor.loggedIn(port, fixtures.account(organisationId, "SCREENER"), Fixtures.PASSWORD);
	}

	/** Starts an interview (English and Bahasa Indonesia) and returns the draft's path. */
	static String start(Visitor visitor, String... interpreter) {
		assertThat(visitor.get("/screenings/new").status()).isEqualTo(200);
		List<String> fields = new ArrayList<>(List.of("officerLanguage", "en", "intervieweeLanguage", "id"));
		fields.addAll(List.of(interpreter.length == 0 ? new String[] { "interpreter", "none" }
				: new String[] { "interpreter", "person", "interpreterName", interpreter[0],
						"interpreterOrganisation", "Interpreters Without Borders" }));
		Page started = visitor.submit("/screenings/new", fields.toArray(String[]::new));
		assertThat(started.status()).as(started.body()).isEqualTo(302);
		assertThat(started.location()).contains("/screenings/drafts/");
		return started.location().substring(started.location().indexOf("/screenings/drafts/"));
	}

	static Page answer(Visitor visitor, String draft, String move, String... answers) {
		visitor.get(draft);
		List<String> fields = new ArrayList<>(List.of(answers));
		fields.addAll(List.of("move", move));
		return visitor.submit(draft, fields.toArray(String[]::new));
	}

	@Test
	void onlyTheOfficerWhoStartedADraftOpensIt() {
		String draft = start(officer);
		assertThat(officer.get(draft).status()).isEqualTo(200);

		Visitor colleague = screener(organisation);
		assertThat(colleague.get(draft).status()).isEqualTo(404);
		assertThat(colleague.get("/screenings").html().select("a[href=" + draft + "]")).isEmpty();

		Visitor elsewhere = screener(fixtures.organisation("CIVIL_SOCIETY", "TH"));
		assertThat(elsewhere.get(draft).status()).isEqualTo(404);
		elsewhere.get("/screenings");
		assertThat(elsewhere.submit(draft, "assistance", "no", "move", "next").status()).isEqualTo(404);

		String id = draft.substring(draft.lastIndexOf('/') + 1);
		assertThat(jdbc.sql("SELECT outcome FROM audit_entry WHERE action = 'screening.draft.read' AND object_id = ?"
				+ " ORDER BY seq").param(id).query(String.class).list())
				.as("the officer's read and the three refused attempts are on record")
				.containsExactly("SUCCESS", "DENIED", "DENIED", "DENIED");
		assertThat(officer.get("/screenings").html().select("a[href=" + draft + "]")).hasSize(1);
		assertThat(officer.get(draft).html().select("input[name=assistance][checked]"))
				.as("the other officer's post changed nothing").isEmpty();
	}

	@Test
	void aLateAutosaveFromAnEarlierScreenNeitherMovesTheOfficerBackNorLosesAnswers() {
		String draft = start(officer);
		answer(officer, draft, "next", "group", "consent", "assistance", "no", "referral", "no",
				"shareWithCountryOfNationality", "no", "research", "no");
		answer(officer, draft, "save", "group", "profile", "nationality", "TH");
		Page late = answer(officer, draft, "save", "group", "consent", "assistance", "no", "referral", "yes",
				"shareWithCountryOfNationality", "no", "research", "no");
		assertThat(late.status()).isEqualTo(302);

		Page now = officer.get(draft);
		assertThat(now.text("#progress")).isEqualTo("Group 2 of 10");
		assertThat(now.html().selectFirst("#nationality").attr("value")).as("the code, shown by name").isEqualTo("Thailand");
		answer(officer, draft, "back", "group", "profile", "nationality", "TH");
		assertThat(officer.get(draft).html().select("input[name=referral][checked]").attr("value")).isEqualTo("yes");
	}

	@Test
	void draftsNotTouchedForAWeekAreDeleted() {
		String stale = start(officer);
		String fresh = start(officer);
		jdbc.sql("UPDATE screening_draft SET updated_at = now() - interval '8 days' WHERE id = ?::uuid")
				.param(stale.substring(stale.lastIndexOf('/') + 1)).update();
		assertThat(drafts.deleteStale()).isGreaterThanOrEqualTo(1);
		assertThat(officer.get(stale).status()).isEqualTo(404);
		assertThat(officer.get(fresh).status()).isEqualTo(200);
	}

	@Test
	void aPersonWithoutTheScreenerRoleMayNotStartOrOpenInterviews() {
		String draft = start(officer);
		Visitor analyst = Visitor.loggedIn(port, fixtures.account(organisation, "ANALYST"), Fixtures.PASSWORD);
		assertThat(analyst.get("/screenings").status()).isEqualTo(403);
		assertThat(analyst.get("/screenings/new").status()).isEqualTo(403);
		assertThat(analyst.get(draft).status()).isEqualTo(403);
	}

	@Test
	void aLanguageTheFormDoesNotHaveIsRefusedOnThePage() {
		officer.get("/screenings/new");
		Page refused = officer.submit("/screenings/new", "officerLanguage", "en", "intervieweeLanguage", "xx",
				"interpreter", "none");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#intervieweeLanguage-error"))
				.isEqualTo("Choose the language of the person you interview.");
		Page noName = officer.submit("/screenings/new", "officerLanguage", "en", "intervieweeLanguage", "id",
				"interpreter", "person", "interpreterName", " ");
		assertThat(noName.text("#interpreterName-error")).startsWith("Give the interpreter’s name");
	}

	@Test
	void aDraftsAnswersAndTheInterpretersNameAreSealedInTheDatabase() {
		String draft = start(officer, INTERPRETER);
		UUID id = UUID.fromString(draft.substring(draft.lastIndexOf('/') + 1));
		answer(officer, draft, "next", "assistance", "yes", "referral", "yes", "shareWithCountryOfNationality", "no",
				"research", "no");
		answer(officer, draft, "next", "nationality", "PH", "age_band", "25_34", "interpreter_used", "yes");
		Page identity = officer.get(draft);
		assertThat(identity.html().select("#full_name")).hasSize(1);
		answer(officer, draft, "save", "full_name", NAME, "contact", "+63 917 555 0142");

		String row = jdbc.sql("SELECT t::text FROM screening_draft t WHERE id = ?").param(id).query(String.class)
				.single();
		assertThat(row).doesNotContain(NAME).doesNotContain("Kowalczyk").doesNotContain("917 555")
				.doesNotContain("25_34").doesNotContain("assistance");
		assertThat(officer.get(draft).html().selectFirst("#full_name").attr("value")).isEqualTo(NAME);
		assertThat(officer.get(draft).text("main")).contains("Interpreted by " + INTERPRETER);
	}

	@Test
	void aFinishedInterviewBecomesAScreeningAndItsDraftIsGone() {
		String draft = start(officer, INTERPRETER);
		UUID id = UUID.fromString(draft.substring(draft.lastIndexOf('/') + 1));
		answer(officer, draft, "next", "assistance", "no", "referral", "no", "shareWithCountryOfNationality", "no",
				"research", "no");
		Page refused = answer(officer, draft, "next", "nationality", "Atlantis", "age_band", "25_34");
		assertThat(refused.text("#nationality-error"))
				.isEqualTo("Use a two-letter country code in capitals, for example ID");
		answer(officer, draft, "next", "nationality", "ID", "age_band", "25_34");
		assertThat(officer.get(draft).text("#progress"))
				.as("no contact details without consent to assistance: their screen is skipped, the total stays")
				.isEqualTo("Group 4 of 10");
		for (String group : List.of("recruitment", "control", "violence", "work", "debt", "isolation")) {
			assertThat(answer(officer, draft, "next", "E1", "yes").status()).as(group).isEqualTo(302);
		}
		Page finished = answer(officer, draft, "finish", "I3", "yes");
		assertThat(finished.status()).isEqualTo(302);
		assertThat(finished.location()).matches(".*/screenings/[0-9a-f-]{36}$");
		UUID screening = UUID.fromString(finished.location().substring(finished.location().lastIndexOf('/') + 1));

		assertThat(jdbc.sql("SELECT count(*) FROM screening_draft WHERE id = ?").param(id).query(Long.class)
				.single()).isZero();
		assertThat(jdbc.sql("SELECT source || ' ' || (profile->>'nationality') || ' ' || (indicators->>'E1')"
				+ " FROM screening WHERE id = ?").param(screening).query(String.class).single())
				.isEqualTo("WEB ID yes");
		String interpreter = jdbc.sql("SELECT interpreter FROM screening_interpreter WHERE screening_id = ?")
				.param(screening).query(String.class).single();
		assertThat(interpreter).doesNotContain("Kowalczyk");
		assertThat(officer.follow(finished).text("#interpreter"))
				.isEqualTo("Interpreted by " + INTERPRETER + " (Interpreters Without Borders)");
		assertThat(officer.get(draft).status()).isEqualTo(404);
	}
}
