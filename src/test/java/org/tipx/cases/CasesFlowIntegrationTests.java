package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * The path issue 12 asks for, end to end over the API: a presumed-victim screening opens a case; the case is referred
 * with consent and accepted by an NGO in another country, whose case worker sees exactly the shared fields;
 * withdrawing referral consent refuses the next referral at once; break-glass reading works and ends.
 */
@TipxIntegrationTest
class CasesFlowIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	String consulate;

	String screener;

	String caseWorker;

	String supervisor;

	String ngo;

	String ngoWorker;

	@BeforeEach
	void organisations() {
		fixtures = new Fixtures(new Api(port));
		consulate = fixtures.organisation("CONSULATE", "TH");
		screener = fixtures.tokenFor(fixtures.account(consulate, "SCREENER"));
		caseWorker = fixtures.tokenFor(fixtures.account(consulate, "CASE_WORKER"));
		supervisor = fixtures.tokenFor(fixtures.account(consulate, "ORG_ADMIN"));
		ngo = fixtures.organisation("CIVIL_SOCIETY", "ID");
		ngoWorker = fixtures.tokenFor(fixtures.account(ngo, "CASE_WORKER"));
	}

	String screen(boolean assistance, boolean referral) {
		return screen(assistance, referral, false);
	}

	String screen(boolean assistance, boolean referral, boolean share) {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", "ID", "age_band", "25_34", "A3", "yes",
				"C1", "yes", "E1", "yes", "I3", "yes", "full_name", "Rina Wulandari", "document_number", "X1234567"));
		Reply reply = fixtures.api.post(screener, "/api/v1/screenings", Map.of("formId", "tipx-screening", "language",
				"en", "answers", answers, "consent", Map.of("assistance", assistance, "referral", referral,
						"shareWithCountryOfNationality", share, "research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	JsonNode caseOf(String screeningId) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode items = fixtures.api.get(caseWorker, "/api/v1/cases?screeningId=" + screeningId).json().get("items");
			return items.isEmpty() ? null : items.get(0);
		}, found -> found != null);
	}

	Reply refer(String caseId, boolean sharePersonal) {
		return fixtures.api.post(caseWorker, "/api/v1/cases/" + caseId + "/referrals", Map.of("toOrganisationId", ngo,
				"services", List.of("SHELTER", "PSYCHOSOCIAL"), "sharePersonal", sharePersonal, "note",
				"Arrives Tuesday by the morning bus"));
	}

	@Test
	void aPresumedVictimScreeningOpensACaseLinkedToItsOutcomeConsentAndMeasures() {
		String screeningId = screen(true, true);
		JsonNode summary = caseOf(screeningId);
		assertThat(summary.get("status").asString()).isEqualTo("OPEN");
		assertThat(summary.get("ownerOrganisationId").asString()).isEqualTo(consulate);

		JsonNode opened = fixtures.api.get(caseWorker, "/api/v1/cases/" + summary.get("id").asString()).json();
		assertThat(opened.get("screeningOutcome").asString()).isEqualTo("PRESUMED_VICTIM");
		assertThat(opened.get("traffickingStatus").asString()).isEqualTo("PRESUMED");
		assertThat(opened.get("nationality").asString()).isEqualTo("ID");
		assertThat(opened.get("nonPunishment").asBoolean()).isTrue();
		assertThat(opened.get("access").asString()).isEqualTo("OWNER");

		JsonNode consent = fixtures.api.get(caseWorker, "/api/v1/cases/" + opened.get("id").asString() + "/consent")
				.json().get("inForce");
		assertThat(consent.get("source").asString()).isEqualTo("SCREENING");
		assertThat(consent.get("assistance").asBoolean()).isTrue();
		assertThat(consent.get("shareWithCountryOfNationality").asBoolean()).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM cases_measure WHERE case_id = ?::uuid")
				.param(opened.get("id").asString()).query(Integer.class).single()).isPositive();
	}

	@Test
	void noCaseOpensWithoutConsentToAssistance() {
		String screeningId = screen(false, false);
		String other = screen(true, false);
		caseOf(other);
		assertThat(fixtures.api.get(caseWorker, "/api/v1/cases?screeningId=" + screeningId).json().get("items"))
				.isEmpty();
	}

	@Test
	void aReferralAcceptedAbroadShowsTheReceiverExactlyTheSharedFields() {
		String caseId = caseOf(screen(true, true)).get("id").asString();
		assertThat(fixtures.api.put(caseWorker, "/api/v1/cases/" + caseId, Map.of("nationality", "ID",
				"traffickingStatus", "PRESUMED", "exploitationTypes", List.of("FORCED_CRIMINALITY"),
				"exploitationCountries", List.of("KH"), "personal",
				Map.of("fullName", "Rina Wulandari", "contacts", "+62 812 3456 7890"))).status()).isEqualTo(200);

		assertThat(fixtures.api.get(ngoWorker, "/api/v1/cases/" + caseId).status()).isEqualTo(404);
		Reply coded = refer(caseId, false);
		assertThat(coded.status()).as(coded.body()).isEqualTo(201);
		assertThat(coded.json().get("state").asString()).isEqualTo("SENT");
		String referralId = coded.json().get("id").asString();
		assertThat(fixtures.api.get(ngoWorker, "/api/v1/cases/" + caseId).status())
				.as("a sent referral does not open the case").isEqualTo(404);

		JsonNode incoming = fixtures.api.get(ngoWorker, "/api/v1/referrals?direction=incoming").json().get("items");
		assertThat(incoming).hasSize(1);
		assertThat(incoming.get(0).get("note").asString()).isEqualTo("Arrives Tuesday by the morning bus");
		assertThat(fixtures.api.post(ngoWorker, "/api/v1/referrals/" + referralId + "/accept", null).json().get("state")
				.asString()).isEqualTo("ACCEPTED");

		JsonNode seen = fixtures.api.get(ngoWorker, "/api/v1/cases/" + caseId).json();
		assertThat(seen.get("access").asString()).isEqualTo("REFERRED");
		assertThat(seen.get("exploitationTypes").toString()).contains("FORCED_CRIMINALITY");
		assertThat(seen.has("personal")).as("coded-only referral").isFalse();
		assertThat(fixtures.api.get(ngoWorker, "/api/v1/cases/" + caseId + "/timeline").status()).isEqualTo(404);
		assertThat(fixtures.api.get(ngoWorker, "/api/v1/cases?status=OPEN").json().get("items").toString())
				.contains(caseId);

		fixtures.api.post(caseWorker, "/api/v1/referrals/" + referralId + "/revoke",
				Map.of("reason", "Sent with the wrong services"));
		assertThat(fixtures.api.get(ngoWorker, "/api/v1/cases/" + caseId).status()).isEqualTo(404);

		String named = refer(caseId, true).json().get("id").asString();
		fixtures.api.post(ngoWorker, "/api/v1/referrals/" + named + "/accept", null);
		JsonNode personal = fixtures.api.get(ngoWorker, "/api/v1/cases/" + caseId).json().get("personal");
		assertThat(personal.get("fullName").asString()).isEqualTo("Rina Wulandari");
		assertThat(personal.get("contacts").asString()).isEqualTo("+62 812 3456 7890");

		List<String> kinds = fixtures.api.get(caseWorker, "/api/v1/cases/" + caseId + "/timeline").json().get("items")
				.valueStream().map(e -> e.get("kind").asString()).toList();
		assertThat(kinds).containsSubsequence("case.opened", "case.updated", "referral.sent", "referral.accepted",
				"referral.revoked", "referral.sent", "referral.accepted");
	}

	@Test
	void withdrawingReferralConsentRefusesTheNextReferralAtOnceNamingTheConsent() {
		String caseId = caseOf(screen(true, true)).get("id").asString();
		assertThat(refer(caseId, false).status()).isEqualTo(201);

		Reply withdrawn = fixtures.api.put(caseWorker, "/api/v1/cases/" + caseId + "/consent",
				Map.of("assistance", true, "referral", false, "shareWithCountryOfNationality", false, "research", false,
						"explainedIn", "id", "note", "Does not want other organisations told for now"));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.json().get("history")).hasSize(2);

		Reply refused = refer(caseId, false);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().get("detail").asString()).contains("consent.referral");
		assertThat(jdbc.sql("SELECT count(*) FROM cases_referral WHERE case_id = ?::uuid").param(caseId)
				.query(Integer.class).single()).isEqualTo(1);

		Reply caseWorkerOverride = fixtures.api.post(caseWorker, "/api/v1/cases/" + caseId + "/referrals",
				Map.of("toOrganisationId", ngo, "services", List.of("CHILD_PROTECTION"), "sharePersonal", false,
						"consentOverride", "The person is 15 and at risk tonight"));
		assertThat(caseWorkerOverride.status()).isEqualTo(403);
		Reply overridden = fixtures.api.post(supervisor, "/api/v1/cases/" + caseId + "/referrals",
				Map.of("toOrganisationId", ngo, "services", List.of("CHILD_PROTECTION"), "sharePersonal", false,
						"consentOverride", "The person is 15 and at risk tonight"));
		assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
		assertThat(overridden.json().get("consentOverridden").asBoolean()).isTrue();
		assertThat(overridden.json().get("consentOverrideReason").asString()).contains("at risk tonight");
	}

	@Test
	void consentWithdrawnOnTheCaseStopsTheScreeningDeskTellingTheCountryOfNationality() {
		String screeningId = screen(true, true, true);
		String caseId = caseOf(screeningId).get("id").asString();
		Reply withdrawn = fixtures.api.put(caseWorker, "/api/v1/cases/" + caseId + "/consent",
				Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", false, "research", false,
						"explainedIn", "id"));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

		Reply refused = fixtures.api.post(screener, "/api/v1/screenings/" + screeningId + "/notify-country", null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("consent in force on their case (version 2)");
	}

	@Test
	void badReferralsAreRefusedNamingTheFieldAndNothingIsStored() {
		String caseId = caseOf(screen(true, true)).get("id").asString();
		Reply toSelf = fixtures.api.post(caseWorker, "/api/v1/cases/" + caseId + "/referrals",
				Map.of("toOrganisationId", consulate, "services", List.of("SHELTER"), "sharePersonal", false));
		assertThat(toSelf.status()).isEqualTo(400);
		assertThat(toSelf.json().get("errors").get(0).get("field").asString()).isEqualTo("toOrganisationId");
		Reply unknown = fixtures.api.post(caseWorker, "/api/v1/cases/" + caseId + "/referrals", Map.of(
				"toOrganisationId", "00000000-0000-0000-0000-000000000001", "services", List.of("SPA"),
				"sharePersonal", false));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("toOrganisationId").contains("services[0]");

		String referralId = refer(caseId, false).json().get("id").asString();
		assertThat(fixtures.api.post(ngoWorker, "/api/v1/referrals/" + referralId + "/decline", Map.of()).status())
				.isEqualTo(400);
		fixtures.api.post(caseWorker, "/api/v1/referrals/" + referralId + "/revoke", Map.of("reason", "Mistake"));
		Reply late = fixtures.api.post(ngoWorker, "/api/v1/referrals/" + referralId + "/accept", null);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("errors").get(0).get("field").asString()).isEqualTo("state");
		assertThat(jdbc.sql("SELECT state FROM cases_referral WHERE id = ?::uuid").param(referralId)
				.query(String.class).single()).isEqualTo("REVOKED");
	}

	@Test
	void breakGlassGivesATimeLimitedReadingThatTheOwnerSees() {
		String caseId = caseOf(screen(true, true)).get("id").asString();
		String other = fixtures.organisation("BORDER_IMMIGRATION", "KH");
		String borderWorker = fixtures.tokenFor(fixtures.account(other, "CASE_WORKER"));
		assertThat(fixtures.api.get(borderWorker, "/api/v1/cases/" + caseId).status()).isEqualTo(404);
		assertThat(fixtures.api.post(borderWorker, "/api/v1/cases/" + caseId + "/break-glass", Map.of("reason", "now"))
				.status()).isEqualTo(400);

		Reply granted = fixtures.api.post(borderWorker, "/api/v1/cases/" + caseId + "/break-glass",
				Map.of("reason", "Person collapsed at the checkpoint, needs her medical history"));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		assertThat(granted.json().get("expiresAt").asString()).isNotBlank();
		JsonNode seen = fixtures.api.get(borderWorker, "/api/v1/cases/" + caseId).json();
		assertThat(seen.get("access").asString()).isEqualTo("BREAK_GLASS");
		assertThat(fixtures.api.get(borderWorker, "/api/v1/cases/" + caseId + "/timeline").status()).isEqualTo(200);

		JsonNode notices = fixtures.api.get(caseWorker, "/api/v1/cases/break-glass").json();
		assertThat(notices.toString()).contains(caseId).contains("collapsed at the checkpoint");

		// two hours pass
		jdbc.sql("UPDATE cases_break_glass SET expires_at = now() - interval '1 second' WHERE case_id = ?::uuid")
				.param(caseId).update();
		assertThat(fixtures.api.get(borderWorker, "/api/v1/cases/" + caseId).status()).isEqualTo(404);
	}

	@Test
	void anUnreadableDateIsRefusedNamingItsFieldWithoutEchoingIt() {
		Reply refused = fixtures.api.post(caseWorker, "/api/v1/cases", Map.of("nationality", "ID", "personal",
				Map.of("fullName", "Ayu Pertiwi", "dateOfBirth", "29 November, the year of the flood")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("personal.dateOfBirth");
		assertThat(refused.body()).doesNotContain("flood").doesNotContain("Ayu");
	}

	@Test
	void aCaseIsFoundByAWordOfTheNameWhateverItsCaseAndAccents() {
		Reply opened = fixtures.api.post(caseWorker, "/api/v1/cases", Map.of("nationality", "VN", "personal",
				Map.of("fullName", "Nguyễn Thị Hương", "otherNames", "Huong Nguyen")));
		String id = opened.json().get("id").asString();
		assertThat(fixtures.api.get(caseWorker, "/api/v1/cases?q=HUONG").json().get("items").toString()).contains(id);
		assertThat(fixtures.api.get(caseWorker, "/api/v1/cases?q=nguyen%20huong").json().get("items").toString())
				.contains(id);
		assertThat(fixtures.api.get(caseWorker, "/api/v1/cases?q=Huo").json().get("items").toString())
				.doesNotContain(id);
		assertThat(jdbc.sql("SELECT personal FROM cases_case WHERE id = ?::uuid").param(id).query(String.class)
				.single()).doesNotContain("Nguy").doesNotContain("Huong");
	}

	@Test
	void theExportHoldsCodesOnlyAndOnlyCasesWithResearchConsent() {
		Reply opened = fixtures.api.post(caseWorker, "/api/v1/cases", Map.of("nationality", "ID", "traffickingStatus",
				"POSSIBLE", "personal", Map.of("fullName", "Dewi Lestari"), "consent", Map.of("assistance", true,
						"referral", true, "shareWithCountryOfNationality", false, "research", true, "explainedIn", "id")));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		fixtures.api.post(caseWorker, "/api/v1/cases", Map.of("nationality", "MM", "traffickingStatus", "PRESUMED"));

		assertThat(fixtures.api.get(caseWorker, "/api/v1/cases/export?format=csv").status()).isEqualTo(403);
		Reply csv = fixtures.api.send(supervisor, "GET", "/api/v1/cases/export?format=csv", null, "text/csv");
		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).startsWith("caseId,yearOfRegistration").contains("exploitation_FORCED_CRIMINALITY");
		assertThat(lines[1]).contains(opened.json().get("id").asString()).contains(",POSSIBLE,").contains(",ID,")
				.doesNotContain("Dewi");
	}
}
