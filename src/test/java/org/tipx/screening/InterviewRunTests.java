package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

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
	void theFormRunsInEveryLanguageWithEveryLabel() {
		for (FormLanguage language : FORM.languages()) {
			Result result = InterviewRun.run(FORM, language, adult());
			assertThat(result.errors()).as(language.code()).isEmpty();
		}
	}
}
