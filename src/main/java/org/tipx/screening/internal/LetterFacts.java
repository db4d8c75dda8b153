package org.tipx.screening.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.tipx.shared.Countries;

/**
 * What a non-punishment letter states, before it is put in the words of a language: the issuer, the person (name and
 * document, printed so the holder can be checked against their papers), the outcome, the measures and the code.
 *
 * @param issuer         the issuing organisation's name
 * @param issuerCountry  its country
 * @param name           the person's name, or null if not given
 * @param document       their document number, or null if not given
 * @param nationality    their nationality (ISO 3166-1 alpha-2)
 * @param outcome        the final outcome's name
 * @param issuedOn       when the letter was issued
 * @param screenedOn     when the person was screened
 * @param measures       the measures, as codes
 * @param code           the verification code
 * @param url            the verification address
 */
record LetterFacts(String issuer, String issuerCountry, String name, String document, String nationality,
		String outcome, LocalDate issuedOn, LocalDate screenedOn, List<String> measures, String code, String url) {

	LetterFacts {
		Objects.requireNonNull(issuer, "issuer");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(url, "url");
		measures = List.copyOf(measures);
	}

	/**
	 * The letter's pages in {@code language}. A draft translation is never printed alone: its page says, in small
	 * print in the language and in English, that it awaits review, and the English text follows as the reference.
	 *
	 * @param measureText a measure's text where the letter's wording has none
	 */
	List<LetterPdf.Content> pages(String language, UnaryOperator<String> measureText) {
		if (!LetterWording.draft(language)) {
			return List.of(page(language, measureText, List.of()));
		}
		return List.of(
				page(language, measureText, List.of(LetterWording.text(language, "letter.draft"),
						LetterWording.text("en", "letter.draft"))),
				page("en", measureText, List.of(LetterWording.text("en", "letter.reference"))));
	}

	private LetterPdf.Content page(String language, UnaryOperator<String> measureText, List<String> smallPrint) {
		Locale locale = LetterWording.locale(language);
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		String unknown = LetterWording.text(language, "letter.field.unknown");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(LetterWording.text(language, "letter.field.name"), name == null ? unknown : name);
		fields.put(LetterWording.text(language, "letter.field.document"), document == null ? unknown : document);
		fields.put(LetterWording.text(language, "letter.field.nationality"),
				Countries.name(nationality, locale) + " (" + nationality + ")");
		return new LetterPdf.Content(locale, LetterWording.text(language, "letter.title"),
				List.of(LetterWording.text(language, "letter.issued", issuer, issuerCountry, issuedOn.format(dates)),
						LetterWording.text(language, "letter.body", issuer, screenedOn.format(dates),
								LetterWording.text(language, "letter.outcome." + outcome))),
				fields, LetterWording.text(language, "letter.measures"),
				measures.stream().map(measure -> LetterWording.textOr(language, "measure." + measure,
						measureText.apply(measure))).toList(),
				LetterWording.text(language, "letter.verify"), code, url, smallPrint);
	}
}
