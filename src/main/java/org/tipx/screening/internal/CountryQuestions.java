package org.tipx.screening.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The form's country questions (nationality, country where the person was held). Their XForm constraint checks only
 * the shape, two capital letters, because ODK Collect cannot check more offline; the server also requires a code
 * ISO 3166-1 has assigned, so {@code ZZ}, {@code XX} or {@code QM} never reach a notice or a letter.
 */
final class CountryQuestions {

	private static final Set<String> QUESTIONS = Set.of("nationality", "country_held");

	private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	private CountryQuestions() {
	}

	/** Whether {@code answer} to question {@code name} is a country code that is not assigned. */
	static boolean refuses(String name, String answer) {
		return QUESTIONS.contains(name) && answer.length() == 2 && !ASSIGNED.contains(answer);
	}

	static String reason(String answer) {
		return "'" + answer + "' is not an assigned ISO 3166-1 alpha-2 country code";
	}
}
