package org.tipx.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tipx.screening.Outcome;
import org.tipx.screening.internal.Scoring.Determination;
import org.tipx.screening.internal.Scoring.Reason;
import org.tipx.screening.internal.Scoring.Step;

/**
 * A result without indicators always says why, and is inconclusive when more than half of the indicator questions
 * answered were declined or "don't know"; reasons and next steps come in every language of the form.
 */
class ScoringInconclusiveTests {

	private static final ScreeningCatalogue CATALOGUE = new ScreeningCatalogue();

	private static final ScreeningRules RULES = CATALOGUE.rules(CATALOGUE.current());

	private static Determination score(String language, String... answers) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("nationality", "ID");
		values.put("age_band", "25_34");
		for (int i = 0; i < answers.length; i += 2) {
			values.put(answers[i], answers[i + 1]);
		}
		return Scoring.score(RULES, values, Set.of(), language);
	}

	@Test
	void aResultWithoutIndicatorsSaysWhichQuestionsWereAnsweredNoAndHowManyWereDeclinedOrNotKnown() {
		Determination result = score("en", "A1", "no", "A3", "no", "B1", "no", "C1", "declined", "D1", "unknown");

		assertThat(result.outcome()).isEqualTo(Outcome.NO_INDICATORS);
		assertThat(result.inconclusive()).isFalse();
		Reason reason = result.reasons().get(0);
		assertThat(reason.rule()).isEqualTo("no-indicators");
		assertThat(reason.explanation()).contains("Indicator questions answered: 5").contains("Answered no (3): A1, A3, B1")
				.contains("Declined: 1").contains("Don’t know: 1");
		assertThat(reason.answers().answeredNo()).containsExactly("A1", "A3", "B1");
		assertThat(reason.answers().declined()).containsExactly("C1");
		assertThat(reason.answers().unknown()).containsExactly("D1");
		assertThat(result.nextSteps()).extracting(Step::code).containsExactly("NO_INDICATORS_TODAY");
	}

	@Test
	void whenMoreThanHalfTheIndicatorQuestionsWereDeclinedOrNotKnownTheResultIsInconclusiveAndASpecialistSeesThePersonLater() {
		Determination result = score("en", "A1", "no", "A3", "declined", "B1", "unknown", "C1", "declined");

		assertThat(result.outcome()).isEqualTo(Outcome.NO_INDICATORS);
		assertThat(result.inconclusive()).isTrue();
		assertThat(result.inconclusiveReason()).startsWith("3 of the 4 indicator questions answered")
				.contains("inconclusive");
		assertThat(result.nextSteps()).extracting(Step::code).containsExactly("LATER_SPECIALIST_INTERVIEW");
	}

	@Test
	void exactlyHalfDeclinedIsNotInconclusive() {
		Determination result = score("en", "A1", "no", "A3", "no", "B1", "declined", "C1", "unknown");

		assertThat(result.inconclusive()).isFalse();
		assertThat(result.inconclusiveReason()).isNull();
	}

	@Test
	void anInterviewWithNoIndicatorQuestionAnsweredIsInconclusive() {
		Determination result = score("en");

		assertThat(result.inconclusive()).isTrue();
		assertThat(result.inconclusiveReason()).startsWith("No indicator question was answered");
		assertThat(result.reasons().get(0).explanation()).contains("Indicator questions answered: 0");
	}

	@Test
	void aFindingIsNeverInconclusiveHoweverManyQuestionsWereDeclined() {
		Determination result = score("en", "A3", "yes", "A4", "declined", "B1", "declined", "C1", "declined");

		assertThat(result.outcome()).isEqualTo(Outcome.POSSIBLE_VICTIM);
		assertThat(result.inconclusive()).isFalse();
		assertThat(result.reasons()).extracting(Reason::rule).doesNotContain("no-indicators");
	}

	@Test
	void reasonsAndNextStepsAreGivenInEveryLanguageOfTheForm() {
		for (FormLanguage language : CATALOGUE.current().languages()) {
			Determination inconclusive = score(language.code(), "A1", "declined", "A3", "declined");
			Determination presumed = score(language.code(), "C1", "yes");
			List<String> texts = List.of(inconclusive.reasons().get(0).explanation(), inconclusive.inconclusiveReason(),
					inconclusive.nextSteps().get(0).text(), presumed.reasons().get(0).explanation(),
					presumed.nextSteps().get(0).text());
			if (language.code().equals("en")) {
				continue;
			}
			Determination english = score("en", "C1", "yes");
			assertThat(presumed.reasons().get(0).explanation()).as(language.code())
					.isNotEqualTo(english.reasons().get(0).explanation());
			assertThat(presumed.nextSteps().get(0).text()).as(language.code())
					.isNotEqualTo(english.nextSteps().get(0).text());
			assertThat(texts).as(language.code()).allSatisfy(text -> assertThat(text).isNotBlank().doesNotContain("{"));
			assertThat(RULES.draft(language.code())).as(language.code() + " is a machine draft").isTrue();
		}
		assertThat(RULES.draft("en")).isFalse();
	}

	@Test
	void theIndonesianReasonNamesTheQuestionsInIndonesian() {
		Determination result = score("id", "A1", "no", "B1", "declined", "C1", "declined");

		assertThat(result.inconclusiveReason()).startsWith("2 dari 3 pertanyaan indikator");
		assertThat(result.reasons().get(0).explanation()).contains("Dijawab tidak (1): A1");
		assertThat(result.nextSteps().get(0).text()).startsWith("Skrining ini tidak dapat disimpulkan");
	}
}
