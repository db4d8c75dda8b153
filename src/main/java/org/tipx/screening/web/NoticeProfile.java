package org.tipx.screening.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import com.ibm.icu.util.ULocale;

/**
 * A notice's coded profile in words of the page's language: countries and languages named by ICU (CLDR), age band
 * and gender from the bundle. A code with no words is shown as it is, never dropped.
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
			case "nationality", "country_held" -> country(value);
			case "languages" -> Arrays.stream(value.strip().split("\\s+")).map(this::language)
					.collect(Collectors.joining(", "));
			case "age_band", "gender" -> messages.getMessage("exchange.notices." + field + "." + value, null, value,
					locale);
			default -> value;
		};
	}

	private String country(String code) {
		String name = new ULocale("", code.strip()).getDisplayCountry(ULocale.forLocale(locale));
		return name.isBlank() || name.equalsIgnoreCase(code.strip()) ? code : name;
	}

	private String language(String code) {
		String name = new ULocale(code).getDisplayLanguage(ULocale.forLocale(locale));
		return name.isBlank() ? code : name;
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
