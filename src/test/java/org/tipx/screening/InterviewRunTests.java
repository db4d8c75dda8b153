package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;
import org.junit.jupiter.api.Test;

import org.tipx.screening.internal.FormLanguage;
import org.tipx.screening.internal.InterviewRun;
import org.tipx.screening.internal.InterviewRun.Result;
import org.tipx.screening.internal.ScreeningForm;

/**
 * The served XForm run through JavaRosa's FormEntryController: skip logic, constraints, required answers and
 * calculations come from the form.
 */
class InterviewRunTests {

	static final ScreeningForm FORM = ScreeningForm.read(InterviewRunTests.class.getResourceAsStream(
			"/screening/tipx-screening.xml"));

	static Map<String, String> adult() {
		Map<String, String> answers = new HashMap<>();
		answers.put("assistance", "yes");
		answers.put("referral", "yes");
		answers.put("shareWithCountryOfNationality", "yes");
		answers.put("research", "no");
		answers.put("nationality", "ID");
		answers.put("age_band", "25_34");
		return answers;
	}

	@Test
	void theFormDeclaresItselfAndItsLanguages() {
		assertThat(FORM.formId()).isEqualTo("tipx-screening");
		assertThat(FORM.version()).matches("\\d{10}");
		assertThat(FORM.languages()).extracting(FormLanguage::code)
				.containsExactly("en", "id", "th", "km", "my", "vi", "fil", "ms", "lo", "zh-Hans");
		assertThat(FORM.english().reviewed()).isTrue();
		assertThat(FORM.language("id").orElseThrow().reviewStatus()).isEqualTo("draft");
	}

	@Test
	void aCompleteInterviewIsAcceptedWithCalculationsDone() {
		Map<String, String> answers = adult();
		answers.put("A1", "yes");
		answers.put("A2", "yes");
		answers.put("A2_which", "telegram facebook");
		answers.put("C1", "yes");
		answers.put("date_left", "2026-10-01");

		Result result = InterviewRun.run(FORM, FORM.english(), answers);

		assertThat(result.errors()).isEmpty();
		assertThat(result.values()).containsEntry("A2_which", "telegram facebook").containsEntry("indicators_yes", "3")
				.containsEntry("child", "no").containsKey("instanceID");
		assertThat(result.values().get("instanceID")).startsWith("uuid:");
		assertThat(new String(result.instance())).contains("<C1>yes</C1>");
	}

	@Test
	void anAnswerToAQuestionTheSkipLogicHidesIsIgnoredWithAWarning() {
		Map<String, String> answers = adult();
		answers.put("A1", "no");
		answers.put("A2", "yes");
		answers.put("I1_which", "escaped");

		Result result = InterviewRun.run(FORM, FORM.english(), answers);

		assertThat(result.errors()).isEmpty();
		assertThat(result.warnings()).hasSize(2).anyMatch(w -> w.startsWith("A2:")).anyMatch(w -> w.startsWith("I1_which:"));
		assertThat(result.values()).doesNotContainKey("A2").doesNotContainKey("I1_which");
	}

	@Test
	void onlyAssignedCountryCodesAreNationalitiesOrCountriesHeld() {
		for (String code : new String[] { "ZZ", "XX", "AA", "QM", "QZ", "XK" }) {
			Map<String, String> answers = adult();
			answers.put("nationality", code);
			answers.put("country_held", code);

			Result result = InterviewRun.run(FORM, FORM.english(), answers);

			assertThat(result.accepted()).as(code).isFalse();
			assertThat(result.errors()).as(code).extracting(e -> e.field())
					.containsExactlyInAnyOrder("nationality", "country_held");
			assertThat(result.errors().get(0).message()).contains("not an assigned ISO 3166-1");
		}
		Map<String, String> answers = adult();
		answers.put("country_held", "KH");
		assertThat(InterviewRun.run(FORM, FORM.english(), answers).accepted()).isTrue();
	}

	@Test
	void choicesConstraintsAndRequiredAnswersAreTheForms() {
		Map<String, String> answers = adult();
		answers.put("A1", "maybe");
		answers.put("nationality", "Indonesia");
		answers.remove("age_band");
		answers.put("date_left", "2999-01-01");
		answers.put("Z9", "yes");

		Result result = InterviewRun.run(FORM, FORM.english(), answers);

		assertThat(result.accepted()).isFalse();
		assertThat(result.errors()).extracting(e -> e.field()).containsExactlyInAnyOrder("A1", "nationality",
				"age_band", "date_left", "Z9");
		assertThat(result.errors()).filteredOn(e -> e.field().equals("nationality")).first()
				.satisfies(e -> assertThat(e.message()).contains("two-letter country code"));
		assertThat(result.errors()).filteredOn(e -> e.field().equals("A1")).first()
				.satisfies(e -> assertThat(e.message()).contains("'maybe' is not one of the choices"));
	}

	@Test
	void theFormRunsInEveryLanguageWithEveryLabelTranslated() {
		Map<String, String> english = labels(FORM.english());
		assertThat(english).hasSizeGreaterThan(40);
		for (FormLanguage language : FORM.languages()) {
			Result result = InterviewRun.run(FORM, language, adult());
			assertThat(result.errors()).as(language.code()).isEmpty();
			Map<String, String> labels = labels(language);
			assertThat(labels.keySet()).as(language.code()).isEqualTo(english.keySet());
			assertThat(labels.values()).as(language.code()).allSatisfy(label -> assertThat(label).isNotBlank());
			if (!language.code().equals("en")) {
				// platform names, and country and language names from CLDR, are often the same in several languages
				long same = labels.entrySet().stream().filter(e -> !e.getKey().startsWith("A2_which/"))
						.filter(e -> !e.getKey().matches("(nationality|country_held|languages)/.*"))
						.filter(e -> e.getValue().equals(english.get(e.getKey()))).count();
				assertThat(same).as(language.code() + " labels left in English").isLessThan(3);
			}
		}
	}

	/** Every question label the form shows in a language, when every question is made relevant. */
	static Map<String, String> labels(FormLanguage language) {
		FormDef def = FORM.fresh();
		def.initialize(true, new InstanceInitializationFactory());
		FormEntryModel model = new FormEntryModel(def);
		FormEntryController controller = new FormEntryController(model);
		controller.setLanguage(language.name());
		Map<String, String> labels = new java.util.TreeMap<>();
		int event;
		while ((event = controller.stepToNextEvent()) != FormEntryController.EVENT_END_OF_FORM) {
			if (event != FormEntryController.EVENT_QUESTION) {
				continue;
			}
			FormEntryPrompt prompt = model.getQuestionPrompt();
			labels.put(prompt.getIndex().getReference().getNameLast(), prompt.getQuestionText());
			String name = prompt.getIndex().getReference().getNameLast();
			if (!prompt.isReadOnly() && prompt.getControlType() == Constants.CONTROL_SELECT_ONE) {
				String value = "age_band".equals(name) ? "UNDER_18" : prompt.getSelectChoices().get(0).getValue();
				controller.answerQuestion(new SelectOneData(prompt.getSelectChoices().stream()
						.filter(c -> c.getValue().equals(value)).findFirst().orElseThrow().selection()), true);
			}
			for (var choice : prompt.getSelectChoices() == null ? List.<SelectChoice>of() : prompt.getSelectChoices()) {
				labels.put(name + "/" + choice.getValue(), prompt.getSelectChoiceText(choice));
			}
		}
		return labels;
	}
}
