package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/screenings}: an officer goes back to their own finished screenings, an organisation's
 * administrator to the whole organisation's, never another organisation's; filters by outcome, decision, days and
 * nationality; no personal data in the list; every listing audited; a filter not understood is a 400 naming it.
 */
@TipxIntegrationTest
class ScreeningListIntegrationTests {

	static final String NAME = "Dewi Anggraini Putri";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	String organisation;

	String officer;

	String colleague;

	String administrator;

	@BeforeEach
	void organisation() {
		fixtures = new Fixtures(new Api(port));
		organisation = fixtures.organisation("BORDER_IMMIGRATION", "ID");
		officer = fixtures.tokenFor(fixtures.account(organisation, "SCREENER"));
		colleague = fixtures.tokenFor(fixtures.account(organisation, "SCREENER"));
		administrator = fixtures.tokenFor(fixtures.account(organisation, "ORG_ADMIN"));
	}

	String screen(String token, String nationality, boolean victim) {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", nationality, "age_band", "25_34",
				"full_name", NAME));
		if (victim) {
			answers.putAll(Map.of("A3", "yes", "B1", "yes", "E1", "yes"));
		}
		Reply reply = fixtures.api.post(token, "/api/v1/screenings", Map.of("formId", "tipx-screening", "language",
				"en", "answers", answers, "consent", Map.of("assistance", true, "referral", true,
						"shareWithCountryOfNationality", false, "research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	List<String> ids(String token, String query) {
		Reply reply = fixtures.api.get(token, "/api/v1/screenings" + query);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
	}

	@Test
	void anOfficerSeesTheirOwnFinishedScreeningsNewestFirstWithoutPersonalData() {
		String older = screen(officer, "PH", false);
		String newer = screen(officer, "KH", true);
		String theirs = screen(colleague, "PH", true);

		Reply reply = fixtures.api.get(officer, "/api/v1/screenings?mine=true");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(ids(officer, "?mine=true")).containsExactly(newer, older);
		assertThat(ids(officer, "")).as("without mine=true an officer still sees only their own")
				.containsExactly(newer, older);
		assertThat(ids(officer, "?mine=false")).containsExactly(newer, older).doesNotContain(theirs);
		JsonNode first = reply.json().get("items").get(0);
		assertThat(first.get("nationality").asString()).isEqualTo("KH");
		assertThat(first.get("outcome").asString()).isEqualTo("PRESUMED_VICTIM");
		assertThat(first.get("decision").asString()).isEqualTo("PENDING");
		assertThat(first.get("completedAt").asString()).isNotBlank();
		assertThat(first.get("screenedBy").asString()).isNotBlank();
		assertThat(reply.json().get("total").asLong()).isEqualTo(2);
		assertThat(reply.body()).doesNotContain(NAME).doesNotContain("25_34");
	}

	@Test
	void anOrganisationsAdministratorSeesTheWholeOrganisationButNeverAnotherOrganisation() {
		String mine = screen(officer, "PH", false);
		String theirs = screen(colleague, "PH", true);
		String elsewhereOrganisation = fixtures.organisation("CONSULATE", "PH");
		String elsewhere = screen(fixtures.tokenFor(fixtures.account(elsewhereOrganisation, "SCREENER")), "PH", true);
		String otherAdministrator = fixtures.tokenFor(fixtures.account(elsewhereOrganisation, "ORG_ADMIN"));

		assertThat(ids(administrator, "")).containsExactly(theirs, mine);
		assertThat(ids(administrator, "?mine=true")).as("the administrator screened no one").isEmpty();
		assertThat(ids(otherAdministrator, "")).containsExactly(elsewhere);
		assertThat(ids(otherAdministrator, "?nationality=PH&size=100")).doesNotContain(mine, theirs);
	}

	@Test
	void filtersByOutcomeDecisionDaysAndNationality() {
		String none = screen(officer, "PH", false);
		String victim = screen(officer, "KH", true);
		String confirmed = screen(officer, "KH", true);
		assertThat(fixtures.api.post(officer, "/api/v1/screenings/" + confirmed + "/confirm", Map.of()).status())
				.isEqualTo(200);
		String overridden = screen(officer, "PH", true);
		assertThat(fixtures.api.post(officer, "/api/v1/screenings/" + overridden + "/override",
				Map.of("outcome", "NO_INDICATORS", "reason", "She answered about her cousin, not herself.")).status())
				.isEqualTo(200);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		assertThat(ids(officer, "?mine=true&outcome=PRESUMED_VICTIM")).containsExactly(confirmed, victim);
		assertThat(ids(officer, "?mine=true&outcome=NO_INDICATORS"))
				.as("the officer's outcome counts once decided").containsExactly(overridden, none);
		assertThat(ids(officer, "?decision=CONFIRMED")).containsExactly(confirmed);
		assertThat(ids(officer, "?decision=PENDING")).containsExactly(victim, none);
		assertThat(ids(officer, "?nationality=kh")).containsExactly(confirmed, victim);
		assertThat(ids(officer, "?mine=true&from=" + today + "&to=" + today)).hasSize(4);
		assertThat(ids(officer, "?from=" + today.plusDays(1))).isEmpty();
		assertThat(ids(officer, "?to=" + today.minusDays(1))).isEmpty();
		assertThat(ids(officer, "?size=1&page=1")).containsExactly(confirmed);
	}

	@Test
	void readingTheListIsAudited() {
		screen(officer, "PH", false);
		long before = listings();
		ids(officer, "?mine=true&outcome=NO_INDICATORS");
		assertThat(listings()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'screening.list' AND object_id = ?"
				+ " ORDER BY seq DESC LIMIT 1").param(organisation).query(String.class).single())
				.contains("outcome=NO_INDICATORS").doesNotContain(NAME);
	}

	long listings() {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'screening.list' AND object_id = ?")
				.param(organisation).query(Long.class).single();
	}

	@Test
	void aFilterThatIsNotUnderstoodIsRefusedNamingTheField() {
		for (Map.Entry<String, String> bad : Map.of("outcome", "outcome=MAYBE", "decision", "decision=LATER", "from",
				"from=2026-13-01", "to", "from=2026-05-02&to=2026-05-01", "nationality", "nationality=ZZ", "mine",
				"mine=perhaps", "size", "size=1000").entrySet()) {
			Reply reply = fixtures.api.get(officer, "/api/v1/screenings?" + bad.getValue());
			assertThat(reply.status()).as(bad.getValue()).isEqualTo(400);
			assertThat(reply.isProblem()).isTrue();
			assertThat(reply.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
					.as(bad.getValue()).contains(bad.getKey());
		}
	}

	@Test
	void otherRolesMayNotList() {
		String analyst = fixtures.tokenFor(fixtures.account(organisation, "ANALYST"));
		assertThat(fixtures.api.get(analyst, "/api/v1/screenings").status()).isEqualTo(403);
	}
}
