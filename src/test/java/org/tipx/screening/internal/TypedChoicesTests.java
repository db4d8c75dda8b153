package org.tipx.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What an officer types into the country and language pickers is read as the choice it names, in any case and in
 * any language of the form; what names no choice is left for the engine to refuse.
 */
class TypedChoicesTests {

	private static final ScreeningForm FORM = new ScreeningCatalogue().current();

	@Test
	void aCountryIsReadFromItsNameInAnyLanguageOfTheFormOrItsCodeInAnyCase() {
		assertThat(FORM.choiceValues("nationality", "Indonesia")).isEqualTo("ID");
		assertThat(FORM.choiceValues("nationality", "  indonesia ")).isEqualTo("ID");
		assertThat(FORM.choiceValues("country_held", "kh")).isEqualTo("KH");
		assertThat(FORM.choiceValues("country_held", "Kamboja")).isEqualTo("KH");
		assertThat(FORM.choiceValues("country_held", "กัมพูชา")).isEqualTo("KH");
		assertThat(FORM.choiceValues("nationality", "VIETNAM")).isEqualTo("VN");
		assertThat(FORM.choiceValues("nationality", "Côte d’Ivoire")).isEqualTo("CI");
		assertThat(FORM.choiceValues("nationality", "Cote d’Ivoire")).as("accents may be left out").isEqualTo("CI");
	}

	@Test
	void severalLanguagesAreReadFromNamesAndCodesSeparatedByCommas() {
		assertThat(FORM.choiceValues("languages", "Khmer, th")).isEqualTo("km th");
		assertThat(FORM.choiceValues("languages", "km th")).isEqualTo("km th");
		assertThat(FORM.choiceValues("languages", "Indonesian, Javanese, Indonesian")).isEqualTo("id jv");
	}

	@Test
	void whatNamesNoChoiceIsLeftAsTyped() {
		assertThat(FORM.choiceValues("nationality", "Atlantis")).isEqualTo("Atlantis");
		assertThat(FORM.choiceValues("languages", "Khmer, Elvish")).isEqualTo("Khmer, Elvish");
		assertThat(FORM.choiceValues("full_name", "indonesia")).as("not a choice question").isEqualTo("indonesia");
	}
}
