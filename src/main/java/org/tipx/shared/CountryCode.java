package org.tipx.shared;

import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, upper case, checked against the ISO list the JDK carries.
 */
public record CountryCode(String value) {

	private static final Set<String> ISO_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	public CountryCode {
		if (value == null || !ISO_CODES.contains(value)) {
			throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + value);
		}
	}

	/** Parses user input, accepting lower case and surrounding spaces; rejects anything else. */
	public static CountryCode parse(String field, String input) {
		if (input == null || input.isBlank()) {
			throw new InvalidInputException(field, "is required (ISO 3166-1 alpha-2, e.g. ID)");
		}
		String code = input.strip().toUpperCase(Locale.ROOT);
		if (!ISO_CODES.contains(code)) {
			throw new InvalidInputException(field, "'" + input + "' is not an ISO 3166-1 alpha-2 country code");
		}
		return new CountryCode(code);
	}

	@Override
	public String toString() {
		return value;
	}
}
