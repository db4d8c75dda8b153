package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tipx.screening.internal.FormLanguage;
import org.tipx.screening.internal.ScreeningForm;
import org.tipx.screening.internal.WebInterview;
import org.tipx.screening.internal.WebInterview.Group;
import org.tipx.screening.internal.WebInterview.Kind;
import org.tipx.screening.internal.WebInterview.Question;
import org.tipx.screening.internal.WebInterview.Walk;

/**
 * The web interview's screens as JavaRosa works them out from a draft's answers: one group per screen, the skip
 * logic and constraints of the XForm, labels in the officer's and the interviewee's language.
 */
class WebInterviewTests {

	static final ScreeningForm FORM = InterviewRunTests.FORM;

	static final FormLanguage ENGLISH = FORM.english();

	static final FormLanguage INDONESIAN = FORM.language("id").orElseThrow();

	static Walk walk(Map<String, String> answers) {
		return WebInterview.walk(FORM, answers, ENGLISH, INDONESIAN);
	}

	static Group group(Walk walk, String name) {
		return walk.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
	}

	static Question question(Group group, String name) {
		return group.questions().stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
	}

	@Test
	void eachGroupOfTheFormIsOneScreenAndContactDetailsAreAskedOnlyWithConsentToAssistance() {
		Walk nothingYet = walk(Map.of());
		assertThat(nothingYet.groups()).extracting(Group::name).containsExactly("consent", "profile", "recruitment",
				"control", "violence", "work", "debt", "isolation", "exit");
		assertThat(nothingYet.formOrder()).contains("identity");

		Walk consented = walk(Map.of("assistance", "yes"));
		assertThat(consented.groups()).extracting(Group::name).containsExactly("consent", "profile", "identity",
				"recruitment", "control", "violence", "work", "debt", "isolation", "exit");
		assertThat(nothingYet.position("identity")).as("an irrelevant group falls back to the one before it")
				.isEqualTo(1);
	}

	@Test
	void questionsAndChoicesComeInBothLanguagesSideBySide() {
		Group consent = walk(Map.of()).groups().get(0);
		assertThat(consent.officerText()).isEqualTo("Before we start");
		assertThat(consent.personText()).isNotBlank().isNotEqualTo("Before we start");
		Question intro = consent.questions().get(0);
		assertThat(intro.kind()).isEqualTo(Kind.NOTE);
		assertThat(intro.personText()).startsWith("Saya di sini untuk membantu Anda");
		Question assistance = question(consent, "assistance");
		assertThat(assistance.required()).isTrue();
		assertThat(assistance.choices()).extracting(c -> c.officerText() + "|" + c.personText())
				.containsExactly("Yes|Ya", "No|Tidak");
	}

	@Test
	void followUpQuestionsAppearOnlyWhenTheEngineMakesThemRelevant() {
		Map<String, String> answers = new HashMap<>();
		answers.put("A1", "no");
		assertThat(question(group(walk(answers), "recruitment"), "A2")).isNull();
		answers.put("A1", "yes");
		assertThat(question(group(walk(answers), "recruitment"), "A2")).isNotNull();
		assertThat(question(group(walk(answers), "recruitment"), "A2_which")).isNull();
		answers.put("A2", "yes");
		Question which = question(group(walk(answers), "recruitment"), "A2_which");
		assertThat(which.kind()).isEqualTo(Kind.MANY);
	}

	@Test
	void anAnswerTheFormRefusesCarriesTheFormsMessageInTheOfficersLanguage() {
		Map<String, String> answers = new HashMap<>(Map.of("nationality", "Indonesia"));
		Group profile = group(walk(answers), "profile");
		assertThat(question(profile, "nationality").error())
				.isEqualTo("Use a two-letter country code in capitals, for example ID");
		assertThat(question(profile, "nationality").answer()).as("kept as typed").isEqualTo("Indonesia");
		assertThat(profile.complete()).isFalse();

		answers.put("nationality", "ID");
		answers.put("age_band", "25_34");
		Group fixed = group(walk(answers), "profile");
		assertThat(question(fixed, "nationality").error()).isNull();
		assertThat(fixed.complete()).isTrue();
	}

	@Test
	void aGroupWithARequiredQuestionUnansweredIsNotComplete() {
		Group consent = walk(Map.of("assistance", "yes", "referral", "no", "shareWithCountryOfNationality", "no"))
				.groups().get(0);
		assertThat(consent.complete()).isFalse();
		assertThat(question(consent, "research").missing()).isTrue();
	}
}
