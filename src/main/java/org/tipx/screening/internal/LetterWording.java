package org.tipx.screening.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The wording of the non-punishment letter in each of its ten languages (screening/letters/letter_*.properties):
 * English is the reviewed source; a language whose file says {@code letter.status=draft} is a machine draft awaiting
 * review by a native speaker, and its letters say so and carry the English text as well.
 */
final class LetterWording {

	/** The languages letters are drawn in, in the order they are offered. */
	static final List<String> LANGUAGES = List.of("en", "id", "th", "km", "my", "lo", "vi", "fil", "ms", "zh");

	private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

	static {
		SOURCE.setBasename("screening/letters/letter");
		SOURCE.setDefaultEncoding("UTF-8");
		SOURCE.setFallbackToSystemLocale(false);
	}

	private LetterWording() {
	}

	/** The locale of a letter language: its dates, country names and line breaks. */
	static Locale locale(String language) {
		return Locale.forLanguageTag(language);
	}

	/** A text of the letter in {@code language}, with its placeholders filled. */
	static String text(String language, String key, Object... arguments) {
		return SOURCE.getMessage(key, arguments.length == 0 ? null : arguments, locale(language));
	}

	/** A text of the letter in {@code language}, or {@code fallback} if the files do not have it. */
	static String textOr(String language, String key, String fallback) {
		return SOURCE.getMessage(key, null, fallback, locale(language));
	}

	/** Whether the language's wording is a machine draft that no native speaker has reviewed yet. */
	static boolean draft(String language) {
		return !"reviewed".equals(text(language, "letter.status"));
	}
}
