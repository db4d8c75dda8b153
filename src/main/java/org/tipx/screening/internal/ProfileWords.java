package org.tipx.screening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;

/**
 * A screening's coded profile in words of the page language: countries and languages by their CLDR names (ICU4J),
 * the other answers by the keys of their words ({@code words.ageBand.25_34}, {@code words.gender.FEMALE}) for the page
 * to look up. A code ICU does not know is shown as it is.
 */
public final class ProfileWords {

	private ProfileWords() {
	}

	/** A country's name in {@code locale}, e.g. {@code Kamboja} for {@code KH} in Indonesian; blank: empty. */
	public static String country(String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return "";
		}
		String name = names(locale).regionDisplayName(code);
		return name == null || name.isBlank() ? code : name;
	}

	/** The names of languages given as codes separated by spaces, e.g. {@code Khmer, Thai} for {@code km th}. */
	public static String languages(String codes, Locale locale) {
		if (codes == null || codes.isBlank()) {
			return "";
		}
		List<String> named = new ArrayList<>();
		for (String code : codes.strip().split("\\s+")) {
			String name = names(locale).languageDisplayName(code);
			named.add(name == null || name.isBlank() ? code : name);
		}
		return String.join(", ", named);
	}

	/**
	 * The profile as lines to show, in the form's order: each the key of its label, and either its value in words or
	 * the key of the words for a coded value.
	 */
	public static List<Line> lines(Map<String, String> profile, Locale locale) {
		List<Line> lines = new ArrayList<>();
		for (String name : Screenings.PROFILE) {
			String value = profile.get(name);
			if (value == null || value.isBlank() || "interpreter_used".equals(name)) {
				continue;
			}
			switch (name) {
				case "nationality", "country_held" -> lines.add(new Line(name, country(value, locale), null));
				case "languages" -> lines.add(new Line(name, languages(value, locale), null));
				case "age_band" -> lines.add(new Line(name, value, "words.ageBand." + value));
				case "gender" -> lines.add(new Line(name, value, "words.gender." + value));
				default -> lines.add(new Line(name, value, null));
			}
		}
		return List.copyOf(lines);
	}

	private static LocaleDisplayNames names(Locale locale) {
		return LocaleDisplayNames.getInstance(ULocale.forLocale(locale), DisplayContext.LENGTH_SHORT,
				DisplayContext.CAPITALIZATION_FOR_STANDALONE);
	}

	/**
	 * One line of the profile.
	 *
	 * @param name     the question, e.g. {@code age_band}; its label is {@code words.profile.<name>}
	 * @param value    the answer in words, or its code when {@code wordsKey} names its words
	 * @param wordsKey the message key of a coded answer's words, else null
	 */
	public record Line(String name, String value, String wordsKey) {

		public Line {
			if (name == null || value == null) {
				throw new IllegalArgumentException("a profile line needs a name and a value");
			}
		}
	}
}
