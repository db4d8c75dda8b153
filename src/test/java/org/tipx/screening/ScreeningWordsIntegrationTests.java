package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.QuestionDef;
import org.javarosa.xform.util.XFormUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;
import org.tipx.screening.internal.ScreeningCatalogue;
import tools.jackson.databind.JsonNode;

/**
 * Words instead of codes, and a reason for every outcome: the API says when a result without indicators is
 * inconclusive and why; the result page in Bahasa Indonesia gives the profile, reasons and questions in Indonesian;
 * the web interview takes a country or language typed by name or as a lower-case code; ODK Collect gets choice lists.
 */
@TipxIntegrationTest
class ScreeningWordsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScreeningCatalogue catalogue;

	Fixtures fixtures;

	String organisation;

	String screener;

	@BeforeEach
	void screener() {
		fixtures = new Fixtures(new Api(port));
		organisation = fixtures.organisation("CONSULATE", "ID");
		screener = fixtures.account(organisation, "SCREENER");
	}

	Reply screen(String language, Object... pairs) {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", "KH", "age_band", "25_34", "gender",
				"FEMALE", "country_held", "MM", "languages", "km th"));
		for (int i = 0; i < pairs.length; i += 2) {
			answers.put((String) pairs[i], pairs[i + 1]);
		}
		return fixtures.api.post(fixtures.tokenFor(screener), "/api/v1/screenings", Map.of("formId",
				"tipx-screening", "language", language, "answers", answers, "consent", Map.of("assistance", true,
						"referral", true, "shareWithCountryOfNationality", false, "research", false)));
	}

	@Test
	void whenMostIndicatorQuestionsWereDeclinedTheApiSaysTheResultIsInconclusiveAndWhy() {
		Reply reply = screen("en", "A1", "no", "A3", "declined", "B1", "declined", "C1", "unknown", "D1", "declined");

		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		JsonNode result = reply.json();
		assertThat(result.get("outcome").asString()).isEqualTo("NO_INDICATORS");
		assertThat(result.get("inconclusive").asBoolean()).isTrue();
		assertThat(result.get("inconclusiveReason").asString())
				.startsWith("4 of the 5 indicator questions answered were declined (3) or answered “Don’t know” (1)");
		assertThat(result.get("nextSteps").get(0).get("code").asString()).isEqualTo("LATER_SPECIALIST_INTERVIEW");
		JsonNode reason = result.get("reasons").get(0);
		assertThat(reason.get("rule").asString()).isEqualTo("no-indicators");
		assertThat(reason.get("explanation").asString()).contains("Answered no (1): A1").contains("Declined: 3");
		assertThat(reason.get("answers").get("declined").valueStream().map(JsonNode::asString))
				.containsExactly("A3", "B1", "D1");

		String id = result.get("id").asString();
		JsonNode read = fixtures.api.get(fixtures.tokenFor(screener), "/api/v1/screenings/" + id).json();
		assertThat(read.get("inconclusive").asBoolean()).as("also when read again").isTrue();
		assertThat(read.get("inconclusiveReason").asString()).isEqualTo(result.get("inconclusiveReason").asString());

		JsonNode thai = fixtures.api.get(fixtures.tokenFor(screener), "/api/v1/screenings/" + id + "?lang=th").json();
		assertThat(thai.get("textLanguage").asString()).isEqualTo("th");
		assertThat(thai.get("textReviewStatus").asString()).isEqualTo("draft");
		assertThat(thai.get("inconclusiveReason").asString()).startsWith("4 จาก 5");
		assertThat(thai.get("nextSteps").get(0).get("text").asString()).startsWith("ผลการคัดกรองยังสรุปไม่ได้");
	}

	@Test
	void aResultWithoutIndicatorsWhereMostQuestionsWereAnsweredIsNotInconclusiveButStillSaysWhy() {
		JsonNode result = screen("en", "A1", "no", "A3", "no", "B1", "no", "C1", "declined").json();

		assertThat(result.get("inconclusive").asBoolean()).isFalse();
		assertThat(result.get("inconclusiveReason").isNull()).isTrue();
		assertThat(result.get("reasons").get(0).get("explanation").asString())
				.contains("Indicator questions answered: 4").contains("Answered no (3): A1, A3, B1");
		assertThat(result.get("nextSteps").get(0).get("code").asString()).isEqualTo("NO_INDICATORS_TODAY");
	}

	@Test
	void theResultPageInIndonesianGivesTheProfileReasonsAndQuestionsInIndonesian() {
		String id = screen("en", "C1", "yes").json().get("id").asString();
		Visitor officer = Visitor.loggedIn(port, screener, Fixtures.PASSWORD);

		Page page = officer.get("/screenings/" + id + "?lang=id");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("#profile dd[data-field=age_band]")).isEqualTo("25–34 tahun");
		assertThat(page.text("#profile dd[data-field=gender]")).isEqualTo("Perempuan");
		assertThat(page.text("#profile dd[data-field=nationality]")).isEqualTo("Kamboja");
		assertThat(page.text("#profile dd[data-field=country_held]")).startsWith("Myanmar");
		assertThat(page.text("#profile dd[data-field=languages]")).isEqualTo("Khmer, Thai");
		assertThat(page.text("#profile")).doesNotContain("25_34").doesNotContain("FEMALE");
		assertThat(page.text("li[data-rule=strong-coercion] > p")).startsWith("Satu indikator paksaan yang kuat");
		assertThat(page.text("li[data-indicator=C1]"))
				.isEqualTo("C1 — " + catalogue.current().text("C1", "id").orElseThrow());
		assertThat(catalogue.current().text("C1", "id")).isNotEqualTo(catalogue.current().text("C1", "en"));
		assertThat(page.text(".next-steps li[data-step=REFER_NOW]")).startsWith("Rujuk orang ini sekarang");
		assertThat(page.text(".draft-translation")).startsWith("Terjemahan draf");

		Page english = officer.get("/screenings/" + id + "?lang=en");
		assertThat(english.text("#profile dd[data-field=age_band]")).isEqualTo("25–34 years");
		assertThat(english.text("#profile dd[data-field=nationality]")).isEqualTo("Cambodia");
		assertThat(english.text("li[data-rule=strong-coercion] > p")).startsWith("One strong indicator of coercion");
		assertThat(english.html().select(".draft-translation")).as("English is the source").isEmpty();
	}

	@Test
	void theResultPageShowsTheReasonsInThePersonsLanguageToo() {
		String id = screen("th", "C1", "yes").json().get("id").asString();

		Page page = Visitor.loggedIn(port, screener, Fixtures.PASSWORD).get("/screenings/" + id + "?lang=en");

		assertThat(page.text("li[data-rule=strong-coercion] > p")).startsWith("One strong indicator of coercion");
		assertThat(page.text("#person-language summary")).contains("Thai");
		assertThat(page.html().selectFirst("#person-language div").attr("lang")).isEqualTo("th");
		assertThat(page.text("#person-language")).contains("ตัวบ่งชี้การบังคับที่รุนแรง")
				.contains("Draft translation");
	}

	@Test
	void anInconclusiveResultIsShownAsSuchOnThePage() {
		String id = screen("en", "A1", "declined", "A3", "unknown").json().get("id").asString();

		Page page = Visitor.loggedIn(port, screener, Fixtures.PASSWORD).get("/screenings/" + id + "?lang=id");

		assertThat(page.text("#inconclusive")).startsWith("Tidak dapat disimpulkan:")
				.contains("2 dari 2 pertanyaan indikator");
		assertThat(page.text("li[data-rule=no-indicators]")).contains("Tidak mau menjawab: 1");
	}

	@Test
	void theWebInterviewTakesACountryOrLanguageTypedByNameOrAsALowerCaseCode() {
		Visitor officer = Visitor.loggedIn(port, screener, Fixtures.PASSWORD);
		String draft = WebInterviewIntegrationTests.start(officer);
		WebInterviewIntegrationTests.answer(officer, draft, "next", "assistance", "no", "referral", "no",
				"shareWithCountryOfNationality", "no", "research", "no");

		Page refused = WebInterviewIntegrationTests.answer(officer, draft, "next", "nationality", "Atlantis",
				"age_band", "25_34");
		assertThat(refused.text("#nationality-error")).as("a name that is no country is still refused").isNotBlank();
		assertThat(refused.html().select("#nationality-choices option[value=Indonesia][label=ID]")).hasSize(1);

		Page typed = WebInterviewIntegrationTests.answer(officer, draft, "next", "nationality", "Indonesia",
				"country_held", "kh", "languages", "Khmer, th", "age_band", "25_34", "gender", "FEMALE");
		assertThat(typed.status()).as(typed.body()).isEqualTo(302);
		Page back = WebInterviewIntegrationTests.answer(officer, draft, "back");
		Page profile = officer.get(draft);
		assertThat(profile.html().selectFirst("#nationality").attr("value")).isEqualTo("Indonesia");
		assertThat(profile.html().selectFirst("#country_held").attr("value")).isEqualTo("Cambodia");
		assertThat(profile.html().select("#q-languages input[type=checkbox][checked]"))
				.extracting(e -> e.attr("value")).containsExactly("km", "th");
		assertThat(back.status()).isEqualTo(302);

		// what the page posts back: the names it shows, the languages ticked and the empty field to add one
		Page again = WebInterviewIntegrationTests.answer(officer, draft, "next", "nationality", "Indonesia",
				"country_held", "Cambodia", "languages", "km", "languages", "th", "languages", "", "age_band", "25_34",
				"gender", "FEMALE");
		assertThat(again.status()).as(again.body()).isEqualTo(302);
		for (int i = 0; i < 6; i++) {
			WebInterviewIntegrationTests.answer(officer, draft, "next");
		}
		Page finished = WebInterviewIntegrationTests.answer(officer, draft, "finish");
		assertThat(finished.location()).as(finished.body()).matches(".*/screenings/[0-9a-f-]{36}$");
		UUID screening = UUID.fromString(finished.location().substring(finished.location().lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT (profile->>'nationality') || ' ' || (profile->>'country_held') || ' / '"
				+ " || (profile->>'languages') FROM screening WHERE id = ?").param(screening).query(String.class)
				.single()).as("codes stored underneath").isEqualTo("ID KH / km th");
	}

	@Test
	void odkCollectGetsCountriesAndLanguagesAsChoiceListsThatJavaRosaParses() throws Exception {
		String orgAdmin = fixtures.tokenFor(fixtures.account(organisation, "ORG_ADMIN"));
		Reply issued = fixtures.api.post(orgAdmin, "/api/v1/screenings/devices", Map.of("name", "Tablet 9"));
		String device = "http://localhost:" + port + issued.json().get("serverPath").asString();
		HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create(device + "/forms/tipx-screening")).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.statusCode()).isEqualTo(200);

		FormDef form = XFormUtils.getFormFromInputStream(new ByteArrayInputStream(served.body()));

		for (String name : List.of("nationality", "country_held", "languages")) {
			QuestionDef question = question(form, name);
			assertThat(question).as(name).isNotNull();
			assertThat(question.getNumChoices()).as(name).isGreaterThan(150);
		}
		QuestionDef nationality = question(form, "nationality");
		String textId = nationality.getChoiceForValue("KH").getTextID();
		form.getLocalizer().setLocale("Thai (th)");
		assertThat(form.getLocalizer().getText(textId)).isEqualTo("กัมพูชา");
		form.getLocalizer().setLocale("Bahasa Indonesia (id)");
		assertThat(form.getLocalizer().getText(textId)).isEqualTo("Kamboja");
		assertThat(question(form, "languages").getChoiceForValue("km")).isNotNull();
	}

	private static QuestionDef question(org.javarosa.core.model.IFormElement element, String name) {
		if (element instanceof QuestionDef question && question.getChoices() != null && !question.getChoices().isEmpty()
				&& question.getBind().getReference().toString().endsWith("/" + name)) {
			return question;
		}
		if (element.getChildren() != null) {
			for (var child : element.getChildren()) {
				QuestionDef found = question(child, name);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
