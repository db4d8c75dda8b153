package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.screening.internal.DeviceActor;
import org.tipx.screening.internal.NewScreening;
import org.tipx.screening.internal.Screenings;
import tools.jackson.databind.JsonNode;

/**
 * Scripted interviews through the JSON API, as a screener's client sends them: the outcome, forced criminality,
 * non-punishment and the reasons; refused answers named; every read audited; no personal answer in plaintext.
 */
@TipxIntegrationTest
@RecordApplicationEvents
class ScreeningApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Screenings screenings;

	Fixtures fixtures;

	String organisation;

	String screener;

	@BeforeEach
	void screener() {
		fixtures = new Fixtures(new Api(port));
		organisation = fixtures.organisation("CONSULATE", "ID");
		screener = fixtures.tokenFor(fixtures.account(organisation, "SCREENER"));
	}

	static Map<String, Object> request(Map<String, Object> answers) {
		Map<String, Object> request = new HashMap<>();
		request.put("formId", "tipx-screening");
		request.put("language", "en");
		request.put("answers", answers);
		request.put("consent", Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", true,
				"research", false));
		return request;
	}

	static Map<String, Object> adult(Object... pairs) {
		Map<String, Object> answers = new HashMap<>();
		answers.put("nationality", "ID");
		answers.put("age_band", "25_34");
		answers.put("gender", "FEMALE");
		for (int i = 0; i < pairs.length; i += 2) {
			answers.put((String) pairs[i], pairs[i + 1]);
		}
		return answers;
	}

	Reply screen(Map<String, Object> request) {
		return fixtures.api.post(screener, "/api/v1/screenings", request);
	}

	static List<String> rules(JsonNode result) {
		return result.get("reasons").valueStream().map(r -> r.get("rule").asString()).toList();
	}

	@Test
	void anAdultMadeToRunScamsIsAPresumedVictimOfForcedCriminalityAndIsNotPunished() {
		Reply reply = screen(request(adult("A1", "yes", "A2", "yes", "A2_which", List.of("telegram"), "A3", "yes",
				"A4", "yes", "B1", "yes", "C1", "yes", "D3", "yes", "E1", "yes", "E2", "yes", "I3", "yes",
				"full_name", "Siti Rahayu", "document_number", "C7654321", "statement", "They took my passport")));

		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		JsonNode result = reply.json();
		assertThat(result.get("formId").asString()).isEqualTo("tipx-screening");
		assertThat(result.get("formVersion").asString()).matches("\\d{10}");
		assertThat(result.get("outcome").asString()).isEqualTo("PRESUMED_VICTIM");
		assertThat(result.get("forcedCriminality").asBoolean()).isTrue();
		assertThat(result.get("nonPunishment").asBoolean()).isTrue();
		assertThat(result.get("nonPunishmentMeasures").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrder("HALT_DEPORTATION_AND_BLACKLISTING", "FLAG_COMPELLED_OFFENCES_TO_PROSECUTOR",
						"WAIVE_OVERSTAY_FINES");
		assertThat(rules(result)).contains("strong-coercion", "deception-and-coercion", "forced-criminality",
				"non-punishment-compelled-offences", "non-punishment-immigration");
		JsonNode deception = result.get("reasons").valueStream()
				.filter(r -> r.get("rule").asString().equals("deception-and-coercion")).findFirst().orElseThrow();
		assertThat(deception.get("indicators").valueStream().map(JsonNode::asString)).contains("A3", "A4", "C1", "B1");
		assertThat(deception.get("explanation").asString()).contains("Deceptive recruitment");
		assertThat(result.get("nextSteps").get(0).get("code").asString()).isEqualTo("REFER_NOW");
		assertThat(result.toString()).doesNotContain("Siti").doesNotContain("C7654321");
	}

	@Test
	void aChildRecruitedForExploitationIsAPresumedVictimWithoutAnyMeansAndChildProtectionComesFirst() {
		Reply reply = screen(request(Map.of("nationality", "PH", "age_band", "UNDER_18", "A1", "yes", "A3", "yes")));

		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		JsonNode result = reply.json();
		assertThat(result.get("outcome").asString()).isEqualTo("PRESUMED_VICTIM");
		assertThat(rules(result)).contains("child-recruited-for-exploitation").doesNotContain("strong-coercion",
				"deception-and-coercion");
		assertThat(result.get("nextSteps").get(0).get("code").asString()).isEqualTo("CHILD_PROTECTION");
		assertThat(result.get("forcedCriminality").asBoolean()).isFalse();
		assertThat(result.get("nonPunishment").asBoolean()).isFalse();
	}

	@Test
	void anOverstayerWithNoIndicatorsIsNotAVictimAndNoMeasureApplies() {
		Map<String, Object> answers = adult();
		for (String code : List.of("A1", "A3", "A4", "A5", "A6", "B1", "B2", "C1", "C2", "C3", "D1", "D2", "D3",
				"D4", "E1", "E2", "E3", "E4", "F1", "F2", "F3", "G1", "G2", "H1", "I1", "I2", "I3", "I4")) {
			answers.put(code, "no");
		}
		Reply reply = screen(request(answers));

		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		JsonNode result = reply.json();
		assertThat(result.get("outcome").asString()).isEqualTo("NO_INDICATORS");
		assertThat(result.get("nonPunishment").asBoolean()).isFalse();
		assertThat(result.get("nonPunishmentMeasures").isEmpty()).isTrue();
		assertThat(rules(result)).as("the one reason says why there is no finding").containsExactly("no-indicators");
		assertThat(result.get("inconclusive").asBoolean()).isFalse();
		assertThat(result.get("nextSteps").get(0).get("code").asString()).isEqualTo("NO_INDICATORS_TODAY");
	}

	@Test
	void declinedViolenceQuestionsNeverCountAgainstThePerson() {
		Reply reply = screen(request(adult("A3", "yes", "A4", "yes", "D1", "declined", "D2", "declined", "D3",
				"declined", "D4", "declined", "E1", "unknown")));

		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		JsonNode result = reply.json();
		assertThat(result.get("outcome").asString()).isEqualTo("POSSIBLE_VICTIM");
		assertThat(rules(result)).containsExactly("some-indicators", "consular-notification");
		assertThat(result.get("reasons").get(0).get("indicators").valueStream().map(JsonNode::asString))
				.containsExactly("A3", "A4");
		assertThat(result.get("forcedCriminality").asBoolean()).isFalse();
		assertThat(result.get("nextSteps").get(0).get("code").asString()).isEqualTo("SPECIALIST_ASSESSMENT");
	}

	@Test
	void answersTheEngineRefusesAreNamedAndNothingIsStored() {
		int before = count();
		Reply reply = screen(request(adult("A1", "maybe", "nationality", "Indonesia", "date_left", "2999-01-01")));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.containsExactlyInAnyOrder("A1", "nationality", "date_left");
		assertThat(count()).isEqualTo(before);

		Map<String, Object> noAge = adult();
		noAge.remove("age_band");
		assertThat(screen(request(noAge)).json().get("errors").get(0).get("field").asString()).isEqualTo("age_band");

		Map<String, Object> noConsent = request(adult());
		noConsent.put("consent", Map.of("assistance", true));
		assertThat(screen(noConsent).json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.contains("consent.referral", "consent.research");

		Map<String, Object> otherForm = request(adult());
		otherForm.put("formId", "kobo-demo");
		assertThat(screen(otherForm).json().get("errors").get(0).get("field").asString()).isEqualTo("formId");
		Map<String, Object> oldVersion = request(adult());
		oldVersion.put("formVersion", "1999010101");
		assertThat(screen(oldVersion).json().get("errors").get(0).get("field").asString()).isEqualTo("formVersion");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void answersTheSkipLogicHidesAreIgnoredAndAnUnknownLanguageFallsBackToEnglishSayingSo() {
		Map<String, Object> request = request(adult("A1", "no", "A2", "yes", "A2_which", "telegram"));
		request.put("language", "fr");
		Reply reply = screen(request);

		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		List<String> warnings = reply.json().get("warnings").valueStream().map(JsonNode::asString).toList();
		assertThat(warnings).anyMatch(w -> w.startsWith("A2:")).anyMatch(w -> w.startsWith("A2_which:"))
				.anyMatch(w -> w.startsWith("language:") && w.contains("English"));
		assertThat(reply.json().get("language").asString()).isEqualTo("en");

		Map<String, Object> indonesian = request(adult("A3", "yes"));
		indonesian.put("language", "id");
		JsonNode inIndonesian = screen(indonesian).json();
		assertThat(inIndonesian.get("languageReviewStatus").asString()).isEqualTo("draft");
		assertThat(inIndonesian.get("reasons").get(0).get("explanation").asString()).contains("indikator");
	}

	@Test
	void aScreeningIsReadOnlyByItsOrganisationsScreenersAndEveryReadIsAudited() {
		String id = screen(request(adult("C1", "yes"))).json().get("id").asString();

		Reply read = fixtures.api.get(screener, "/api/v1/screenings/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("outcome").asString()).isEqualTo("PRESUMED_VICTIM");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'screening.read' AND object_id = ?")
				.param(id).query(Integer.class).single()).isEqualTo(1);

		String elsewhere = fixtures.tokenFor(fixtures.account(fixtures.organisation("CONSULATE", "PH"), "SCREENER"));
		assertThat(fixtures.api.get(elsewhere, "/api/v1/screenings/" + id).status()).isEqualTo(404);
		String analyst = fixtures.tokenFor(fixtures.account(organisation, "ANALYST"));
		assertThat(fixtures.api.get(analyst, "/api/v1/screenings/" + id).status()).isEqualTo(403);
		assertThat(fixtures.api.post(analyst, "/api/v1/screenings", request(adult())).status()).isEqualTo(403);
	}

	@Test
	void aDatabaseDumpHoldsNoPlaintextPersonalAnswer() throws Exception {
		screen(request(adult("B1", "yes", "full_name", "Nguyen Thi Lanh", "document_number", "B9988776", "contact",
				"+84 912 345 678", "statement", "I was sold twice near Shwe Kokko")));

		String dump = dump("screening");
		assertThat(dump).contains("tk1:").doesNotContain("Nguyen Thi Lanh").doesNotContain("B9988776")
				.doesNotContain("912 345 678").doesNotContain("Shwe Kokko");
	}

	@Test
	void theFormAndItsLanguagesAreDescribedWithTheirReviewStatus() {
		JsonNode form = fixtures.api.get(screener, "/api/v1/screenings/form").json();
		assertThat(form.get("formId").asString()).isEqualTo("tipx-screening");
		assertThat(form.get("languages").valueStream().map(l -> l.get("code").asString() + ":"
				+ l.get("reviewStatus").asString())).contains("en:reviewed", "id:draft", "th:draft", "zh-Hans:draft");
	}

	@Test
	void aResultPublishesItsOutcomeConsentAndCodedProfileForTheCasesModule() {
		Map<String, String> answers = new HashMap<>(Map.of("nationality", "ID", "age_band", "25_34", "C1", "yes",
				"E1", "yes", "languages", "id jv", "country_held", "KH", "full_name", "Dewi"));
		var consent = new ScreeningCompleted.Consent(true, true, true, false);
		String id = screenings.submit(new DeviceActor(UUID.randomUUID(), "test tablet", UUID.fromString(organisation)),
				new NewScreening("tipx-screening", null, "en", answers, consent, NewScreening.Source.API, null))
				.screening().id().toString();

		ScreeningCompleted completed = events.stream(ScreeningCompleted.class)
				.filter(e -> e.screeningId().toString().equals(id)).findFirst().orElseThrow();
		assertThat(completed.outcome()).isEqualTo(Outcome.PRESUMED_VICTIM);
		assertThat(completed.forcedCriminality()).isTrue();
		assertThat(completed.consent().research()).isFalse();
		assertThat(completed.consent().shareWithCountryOfNationality()).isTrue();
		assertThat(completed.profile().nationality()).isEqualTo("ID");
		assertThat(completed.profile().languages()).containsExactly("id", "jv");
		assertThat(completed.profile().countryHeld()).isEqualTo("KH");
		assertThat(completed.toString()).doesNotContain("Dewi");
	}

	/** This test's organisation's screenings (other tests screen in the same database meanwhile). */
	private int count() {
		return jdbc.sql("SELECT count(*) FROM screening WHERE organisation_id = ?::uuid").param(organisation)
				.query(Integer.class).single();
	}

	private String dump(String table) throws Exception {
		try (var connection = dataSource.getConnection()) {
			StringWriter out = new StringWriter();
			connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", out);
			return out.toString();
		}
	}
}
