package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.screening.WebInterviewIntegrationTests.answer;
import static org.tipx.screening.WebInterviewIntegrationTests.start;

import java.util.UUID;

import org.jsoup.nodes.Element;
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

/**
 * Paused interviews told apart (who started each, when, how far) and discarded after a confirmation, by the officer
 * who started it or an administrator of the organisation, never by a colleague; the interpreter is asked once, on the
 * start page; and the interview's progress keeps the same total from the first screen to the last.
 */
@TipxIntegrationTest
class PausedInterviewsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	String organisation;

	String officerName;

	Visitor officer;

	@BeforeEach
	void officer() {
		fixtures = new Fixtures(new Api(port));
		organisation = fixtures.organisation("CONSULATE", "ID");
		officerName = fixtures.account(organisation, "SCREENER");
		officer = Visitor.loggedIn(port, officerName, Fixtures.PASSWORD);
	}

	static UUID id(String draft) {
		return UUID.fromString(draft.substring(draft.lastIndexOf('/') + 1));
	}

	@Test
	void aPausedInterviewShowsWhoStartedItAndHowFarItGot() {
		String draft = start(officer);
		answer(officer, draft, "next", "assistance", "no", "referral", "no", "shareWithCountryOfNationality", "no",
				"research", "no");
		answer(officer, draft, "pause", "nationality", "PH");

		Element row = officer.get("/screenings").html().selectFirst("#draft-" + id(draft));
		assertThat(row).isNotNull();
		assertThat(row.text()).contains(officerName);
		assertThat(row.selectFirst(".how-far").text()).matches("5 of \\d+ questions answered");
		assertThat(row.select("a[href=" + draft + "]")).as("resume").hasSize(1);
	}

	@Test
	void theOfficerDiscardsTheirPausedInterviewAfterConfirming() {
		String draft = start(officer);
		Page asked = officer.get(draft + "/discard");
		assertThat(asked.status()).isEqualTo(200);
		assertThat(asked.text("#discard-what")).contains(officerName);
		assertThat(jdbc.sql("SELECT count(*) FROM screening_draft WHERE id = ?").param(id(draft)).query(Long.class)
				.single()).as("asking deletes nothing").isOne();

		Page discarded = officer.submit(draft + "/discard");
		assertThat(discarded.status()).isEqualTo(302);
		assertThat(officer.follow(discarded).text("#notice")).isEqualTo("The paused interview is discarded.");
		assertThat(jdbc.sql("SELECT count(*) FROM screening_draft WHERE id = ?").param(id(draft)).query(Long.class)
				.single()).isZero();
		assertThat(officer.get(draft).status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'screening.draft.discard'"
				+ " AND object_id = ? AND outcome = 'SUCCESS'").param(id(draft).toString()).query(Long.class).single())
				.isOne();
	}

	@Test
	void aColleagueMayNotDiscardButTheOrganisationsAdministratorMay() {
		String draft = start(officer);
		Visitor colleague = Visitor.loggedIn(port, fixtures.account(organisation, "SCREENER"), Fixtures.PASSWORD);
		colleague.get("/screenings");
		assertThat(colleague.get(draft + "/discard").status()).isEqualTo(404);
		assertThat(colleague.submit(draft + "/discard").status()).isEqualTo(404);
		Visitor elsewhere = Visitor.loggedIn(port,
				fixtures.account(fixtures.organisation("CONSULATE", "TH"), "ORG_ADMIN"), Fixtures.PASSWORD);
		elsewhere.get("/screenings");
		assertThat(elsewhere.submit(draft + "/discard").status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM screening_draft WHERE id = ?").param(id(draft)).query(Long.class)
				.single()).isOne();

		Visitor administrator = Visitor.loggedIn(port, fixtures.account(organisation, "ORG_ADMIN"),
				Fixtures.PASSWORD);
		Element row = administrator.get("/screenings").html().selectFirst("#draft-" + id(draft));
		assertThat(row).as("the organisation's paused interviews").isNotNull();
		assertThat(row.text()).contains(officerName);
		assertThat(row.select("a[href=" + draft + "]")).as("never opened by anyone else").isEmpty();
		assertThat(administrator.get(draft).status()).isIn(403, 404);
		administrator.get(draft + "/discard");
		assertThat(administrator.submit(draft + "/discard").status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM screening_draft WHERE id = ?").param(id(draft)).query(Long.class)
				.single()).isZero();
	}

	@Test
	void theInterpreterIsAskedOnlyOnTheStartPage() {
		String draft = start(officer, "Maria Kowalczyk-Santos");
		answer(officer, draft, "next", "assistance", "no", "referral", "no", "shareWithCountryOfNationality", "no",
				"research", "no");
		Page profile = officer.get(draft);
		assertThat(profile.html().select("#q-nationality")).hasSize(1);
		assertThat(profile.html().select("#q-interpreter_used, [name=interpreter_used]")).isEmpty();
		answer(officer, draft, "next", "nationality", "PH", "age_band", "25_34");
		for (int group = 0; group < 6; group++) {
			answer(officer, draft, "next");
		}
		Page finished = answer(officer, draft, "finish");
		assertThat(finished.status()).as(finished.body()).isEqualTo(302);
		String screening = finished.location().substring(finished.location().lastIndexOf('/') + 1);
		assertThat(jdbc.sql("SELECT profile ->> 'interpreter_used' FROM screening WHERE id = ?::uuid").param(screening)
				.query(String.class).single()).as("the start page's answer is the form's").isEqualTo("yes");
	}

	@Test
	void theProgressKeepsItsTotalWhenSkipLogicLeavesAScreenOut() {
		String draft = start(officer);
		assertThat(officer.get(draft).text("#progress")).isEqualTo("Group 1 of 10");
		answer(officer, draft, "next", "assistance", "yes", "referral", "no", "shareWithCountryOfNationality", "no",
				"research", "no");
		assertThat(officer.get(draft).text("#progress")).isEqualTo("Group 2 of 10");
		answer(officer, draft, "back");
		answer(officer, draft, "next", "assistance", "no", "referral", "no", "shareWithCountryOfNationality", "no",
				"research", "no");
		answer(officer, draft, "next", "nationality", "PH", "age_band", "25_34");
		assertThat(officer.get(draft).text("#progress")).as("contact details skipped").isEqualTo("Group 4 of 10");
	}
}
