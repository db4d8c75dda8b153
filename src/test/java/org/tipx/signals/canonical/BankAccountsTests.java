package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;

/**
 * Bank accounts: IBANs checked (mod 97, per-country length and layout), other accounts as country and digits.
 */
class BankAccountsTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@Test
	void anIbanInAnySpellingIsItsElectronicForm() {
		for (String typed : new String[] {"DE89 3704 0044 0532 0130 00", "de89-3704-0044-0532-0130-00",
				"IBAN: DE89370400440532013000", "DE89370400440532013000"}) {
			Canonical account = account(typed, "TH");
			assertThat(account.valid()).as(typed).isTrue();
			assertThat(account.canonical()).isEqualTo("DE89370400440532013000");
			assertThat(account.details()).containsEntry("country", "DE").containsEntry("bankCode", "37040044");
		}
		assertThat(account("GB82 WEST 1234 5698 7654 32", null).canonical()).isEqualTo("GB82WEST12345698765432");
	}

	@Test
	void aMistypedIbanFailsTheCheckDigitsOrTheLength() {
		assertThat(account("DE89 3704 0044 0532 0130 01", null).reason()).contains("check digits (mod 97) fail");
		assertThat(account("DE89 3704 0044 0532 0130 0", null).reason())
				.isEqualTo("an IBAN from Germany has 22 characters; this has 21");
	}

	@Test
	void aNationalAccountIsTheCountryAndTheDigits() {
		Canonical account = account("123-4-56789-0", "TH");
		assertThat(account.canonical()).isEqualTo("TH:1234567890");
		assertThat(account.details()).containsEntry("country", "TH").containsEntry("iban", "false");
		assertThat(account("TH 123 4 56789 0", "KH").canonical()).isEqualTo("TH:1234567890");
		assertThat(account("0012 3456 789", "KH").canonical()).isEqualTo("KH:00123456789");
	}

	@Test
	void aNationalAccountWithoutCountryOrWithLettersIsInvalid() {
		assertThat(account("1234567890", null).reason()).contains("needs its country");
		assertThat(account("12AB3456", "KH").reason()).contains("digits only");
		assertThat(account("123", "KH").valid()).isFalse();
	}

	@Test
	void theCanonicalFormReadsBackToItself() {
		assertThat(account("TH:1234567890", null).canonical()).isEqualTo("TH:1234567890");
		assertThat(account("DE89370400440532013000", "KH").canonical()).isEqualTo("DE89370400440532013000");
	}

	private Canonical account(String value, String country) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.BANK_ACCOUNT, value, null, null,
				country == null ? null : new CountryCode(country)));
	}
}
