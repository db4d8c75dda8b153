package org.tipx.signals.canonical;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

import org.tipx.signals.IndicatorType;

/**
 * Bank accounts with their country. An IBAN is checked by iban4j (mod-97 check digits, and the length and layout
 * each country registers in the SWIFT IBAN Registry) and kept in its electronic form ({@code DE89370400440532013000}).
 * Any other account is the country and the digits ({@code TH:1234567890}); leading zeros are kept, they are part of the
 * number.
 */
final class BankAccounts implements Canonicaliser {

	private static final Pattern WITH_COUNTRY = Pattern.compile("^([A-Z]{2})\\s*[:/]\\s*(.+)$");

	private static final Pattern IBAN_SHAPE = Pattern.compile("^[A-Z]{2}[0-9]{2}[A-Z0-9]{8,32}$");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./]");

	private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

	@Override
	public IndicatorType type() {
		return IndicatorType.BANK_ACCOUNT;
	}

	@Override
	public Canonical canonicalise(RawIndicator indicator) {
		Trail trail = new Trail(IndicatorType.BANK_ACCOUNT);
		String text = indicator.value().toUpperCase(Locale.ROOT);
		String country = indicator.country() == null ? null : indicator.country().value();
		Matcher prefixed = WITH_COUNTRY.matcher(text);
		if (prefixed.matches() && ISO_COUNTRIES.contains(prefixed.group(1))) {
			country = prefixed.group(1);
			text = prefixed.group(2);
			trail.step("took the country " + country + " written before the number");
		}
		if (text.startsWith("IBAN")) {
			text = text.replaceFirst("^IBAN\\s*:?\\s*", "");
			trail.step("removed the word IBAN");
		}
		String compact = SEPARATORS.matcher(text).replaceAll("");
		if (!compact.equals(text)) {
			trail.step("removed spaces, hyphens and other separators");
		}
		if (IBAN_SHAPE.matcher(compact).matches() && ibanCountry(compact.substring(0, 2))) {
			return iban(trail, compact);
		}
		if (compact.matches("[A-Z]{2}[0-9]+") && ISO_COUNTRIES.contains(compact.substring(0, 2))) {
			country = compact.substring(0, 2);
			compact = compact.substring(2);
			trail.step("took the country " + country + " written before the number");
		}
		if (country == null) {
			return trail.invalid(compact, "a bank account number needs its country: give the country");
		}
		if (!compact.matches("[0-9]+")) {
			return trail.invalid(country + ":" + compact, "a national account number has digits only");
		}
		if (compact.length() < 5 || compact.length() > 34) {
			return trail.invalid(country + ":" + compact, "account numbers have 5 to 34 digits; this has "
					+ compact.length());
		}
		if (ibanCountry(country)) {
			trail.step(Phones.countryName(country) + " uses IBANs: this national number links only to the same "
					+ "national number, not to the IBAN");
		}
		trail.step("wrote the country and the digits");
		trail.detail("country", country).detail("iban", "false");
		return trail.valid(country + ":" + compact);
	}

	private static Canonical iban(Trail trail, String iban) {
		String country = iban.substring(0, 2);
		try {
			IbanUtil.validate(iban);
		}
		catch (InvalidCheckDigitException e) {
			return trail.invalid(iban, "the IBAN check digits (mod 97) fail: a character was probably mistyped");
		}
		catch (IbanFormatException e) {
			String problem = e.getFormatViolation() == IbanFormatException.IbanFormatViolation.BBAN_LENGTH
					? "an IBAN from " + Phones.countryName(country) + " has "
							+ IbanUtil.getIbanLength(CountryCode.getByCode(country)) + " characters; this has " + iban.length()
					: "does not follow the IBAN layout of " + Phones.countryName(country);
			return trail.invalid(iban, problem);
		}
		catch (UnsupportedCountryException e) {
			return trail.invalid(iban, Phones.countryName(country) + " does not use IBANs");
		}
		trail.step("checked the IBAN: the length and layout for " + Phones.countryName(country)
				+ " and the mod-97 check digits");
		trail.detail("country", country).detail("iban", "true").detail("bankCode", bankCode(iban));
		return trail.valid(iban);
	}

	private static String bankCode(String iban) {
		try {
			return IbanUtil.getBankCode(iban);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static boolean ibanCountry(String code) {
		CountryCode country = CountryCode.getByCode(code);
		return country != null && IbanUtil.isSupportedCountry(country);
	}
}
