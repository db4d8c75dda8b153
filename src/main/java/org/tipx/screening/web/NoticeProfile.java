package org.tipx.screening.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.tipx.screening.internal.ProfileWords;

/**
 * A notice's coded profile in words of the page's language, the same words as the result page's
 * ({@link ProfileWords}: countries and languages by their CLDR names; age band and gender from the {@code words.}
 * texts). A code with no words is shown as it is, never dropped.
 */
final class NoticeProfile {

	private final MessageSource messages;

	private final Locale locale;

	NoticeProfile(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/** The profile's fields, in the notice's order, each with its value in words. */
	List<Line> lines(Map<String, String> profile) {
		return profile.entrySet().stream().map(e -> new Line(e.getKey(), words(e.getKey(), e.getValue()))).toList();
	}

	String words(String field, String value) {
		return switch (field) {
			case "nationality", "country_held" -> ProfileWords.country(value, locale);
			case "languages" -> ProfileWords.languages(value, locale);
			case "age_band" -> messages.getMessage("words.ageBand." + value, null, value, locale);
			case "gender" -> messages.getMessage("words.gender." + value, null, value, locale);
			default -> value;
		};
	}

	/**
	 * One field of the profile.
	 *
	 * @param field the profile field (its label is {@code screening.notices.profile.<field>})
	 * @param words its value in the page's language
	 */
	record Line(String field, String words) {
	}
}
