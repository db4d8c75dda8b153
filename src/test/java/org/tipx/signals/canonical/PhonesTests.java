package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;

/**
 * Phone numbers as victims and officers write them across the region, local and international, reduced to E.164.
 */
class PhonesTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@ParameterizedTest(name = "{0} reported in {1} is {2} ({3})")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			+62 812-3456-7890        | -  | +6281234567890 | MOBILE
			0812 3456 7890           | ID | +6281234567890 | MOBILE
			62 812 3456 7890         | ID | +6281234567890 | MOBILE
			00 62 812 3456 7890      | -  | +6281234567890 | MOBILE
			0062 812 3456 7890       | TH | +6281234567890 | MOBILE
			001 62 812 3456 7890     | TH | +6281234567890 | MOBILE
			+855 12 345 678          | -  | +85512345678   | MOBILE
			012 345 678              | KH | +85512345678   | MOBILE
			(012) 345-678            | KH | +85512345678   | MOBILE
			02 123 4567              | TH | +6621234567    | FIXED_LINE
			081 234 5678             | TH | +66812345678   | MOBILE
			(02) 1234 5678           | AU | +61212345678   | FIXED_LINE
			09 781 234 567           | MM | +959781234567  | MOBILE
			0917 123 4567            | PH | +639171234567  | MOBILE
			091 234 56 78            | VN | +84912345678   | MOBILE
			020 5512 3456            | LA | +8562055123456 | MOBILE
			138 0013 8000            | CN | +8613800138000 | MOBILE
			+44 (0)20 7946 0958      | -  | +442079460958  | FIXED_LINE
			+44 56 1234 5678         | -  | +445612345678  | VOIP
			tel:+85512345678         | -  | +85512345678   | MOBILE
			""")
	void localAndInternationalSpellingsMeetInE164(String typed, String country, String e164, String numberType) {
		Canonical phone = phone(typed, country);
		assertThat(phone.valid()).as(phone.reason()).isTrue();
		assertThat(phone.canonical()).isEqualTo(e164);
		assertThat(phone.details()).containsEntry("numberType", numberType);
	}

	@Test
	void theReportersCountryDecidesWhatALocalNumberMeans() {
		assertThat(phone("(02) 1234 5678", "AU").canonical()).isEqualTo("+61212345678");
		Canonical inThailand = phone("(02) 1234 5678", "TH");
		assertThat(inThailand.valid()).isFalse();
		assertThat(inThailand.reason()).contains("Thailand");
	}

	@Test
	void digitsOfThaiMyanmarAndFullWidthScriptsAreReadAsDigits() {
		assertThat(phone("๐๘๑ ๒๓๔ ๕๖๗๘", "TH").canonical()).isEqualTo("+66812345678");
		assertThat(phone("၀၉ ၇၈၁ ၂၃၄ ၅၆၇", "MM").canonical()).isEqualTo("+959781234567");
		assertThat(phone("+８５５ １２ ３４５ ６７８", null).canonical()).isEqualTo("+85512345678");
	}

	@Test
	void theRegionAndCountryCodeAreReported() {
		Canonical phone = phone("012 345 678", "KH");
		assertThat(phone.details()).containsEntry("region", "KH").containsEntry("countryCallingCode", "855");
		assertThat(phone.steps()).anyMatch(s -> s.contains("dialled in Cambodia"))
				.anyMatch(s -> s.contains("a mobile number"));
	}

	@Test
	void anExtensionIsDroppedButShown() {
		Canonical phone = phone("+1 650-253-0000 ext. 123", null);
		assertThat(phone.canonical()).isEqualTo("+16502530000");
		assertThat(phone.details()).containsEntry("extension", "123");
	}

	@Test
	void anImpossibleNumberIsInvalidWithTheReason() {
		Canonical tooShort = phone("+855 12 345", null);
		assertThat(tooShort.valid()).isFalse();
		assertThat(tooShort.reason()).isEqualTo("too short for a number in Cambodia");
		assertThat(tooShort.derived()).isEmpty();

		Canonical noSuchCountry = phone("+999 123 456 789", null);
		assertThat(noSuchCountry.valid()).isFalse();
		assertThat(noSuchCountry.reason()).contains("country calling code");

		assertThat(phone("call me on LINE", "KH").reason()).isEqualTo("not a phone number");
	}

	@Test
	void aLocalNumberWithoutACountryCannotBeRead() {
		Canonical phone = phone("012 345 678", null);
		assertThat(phone.valid()).isFalse();
		assertThat(phone.reason()).contains("needs the reporter's country");
	}

	@Test
	void theCanonicalFormReadsBackToItself() {
		String e164 = phone("0812 3456 7890", "ID").canonical();
		assertThat(phone(e164, "KH").canonical()).isEqualTo(e164);
	}

	private Canonical phone(String value, String country) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.PHONE, value, null, null,
				country == null ? null : new CountryCode(country)));
	}
}
