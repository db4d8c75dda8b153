package org.tipx.shared;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The ISO 3166-1 countries as people read them: every country named in a language and sorted as that language sorts,
 * for the pages' country choices, and one country's name for pages and letters. The list is the JDK's, the same one
 * {@link CountryCode} checks against.
 */
public final class Countries {

	private Countries() {
	}

	/** Every ISO 3166-1 country, named in {@code locale} and sorted by that name. */
	public static List<Country> sorted(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream()
				.map(code -> new Country(code, name(code, locale)))
				.sorted(Comparator.comparing(Country::name, collator)).toList();
	}

	/** The country's name in {@code locale}; a code the JDK does not know is shown as it is; null or blank as "". */
	public static String name(String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return "";
		}
		String name = new Locale("", code).getDisplayCountry(locale);
		return name.isEmpty() ? code : name;
	}

	/**
	 * A country option: its ISO code and its name in the page language.
	 *
	 * @param code the ISO 3166-1 alpha-2 code
	 * @param name its name in the page language
	 */
	public record Country(String code, String name) {
	}
}
