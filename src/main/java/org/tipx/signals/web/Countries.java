package org.tipx.signals.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every ISO 3166 country, named and sorted in the page language, for the pages' country choices.
 */
final class Countries {

	private Countries() {
	}

	static List<Country> sorted(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return Arrays.stream(Locale.getISOCountries())
				.map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
				.sorted(Comparator.comparing(Country::name, collator)).toList();
	}

	/** A country option: its ISO code and its name in the page language. */
	record Country(String code, String name) {
	}
}
