package org.tipx.screening.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The form's country questions (nationality, country where the person was held): choice lists of the ISO 3166-1
 * countries in the form, checked here first so that {@code ZZ}, {@code XX} or {@code QM} are refused with a reason
 * that says what is expected, and never reach a notice or a letter.
 */
final class CountryQuestions {

	private static final Set<String> QUESTIONS = Set.of("nationality", "country_held");

	private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	private CountryQuestions() {
	}

	/**
	 * Whether {@code answer} to question {@code name} is not an assigned country code. Checked before the engine's own
	 * check of the choice list, so the reason names what is expected rather than listing every country.
	 */
	static boolean refuses(String name, String answer) {
		return QUESTIONS.contains(name) && !ASSIGNED.contains(answer);
	}

	static String reason(String answer) {
		return answer.length() == 2 ? "'" + answer + "' is not an assigned ISO 3166-1 alpha-2 country code"
				: "'" + answer + "' is not a two-letter country code (ISO 3166-1 alpha-2, e.g. ID)";
	}
}
