package org.tipx.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Verification codes are read aloud over the telephone: new ones use only digits and capital letters. */
class VerificationCodeTests {

	@Test
	void newCodesAreOnlyDigitsAndCapitalLettersAndVerify() {
		for (int i = 0; i < 2000; i++) {
			String code = VerificationCode.generate();
			assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]");
			assertThat(VerificationCode.normalise(code)).contains(code);
		}
	}

	@Test
	void codesIssuedEarlierWithASymbolForTheirCheckStillVerify() {
		// body 0000 0000 0011 is 33, and 33 mod 37 names "~" among Crockford's check symbols
		assertThat(VerificationCode.normalise("0000-0000-0011-~")).contains("0000-0000-0011-~");
		assertThat(VerificationCode.normalise("0000-0000-0012-~")).isEmpty();
		assertThat(VerificationCode.normalise("0000 0000 0011 ~")).contains("0000-0000-0011-~");
	}

	@Test
	void aMistypedCodeIsRecognisedAndReadAlikeLettersAreTakenAsDigits() {
		String code = VerificationCode.generate();
		String mistyped = (code.charAt(0) == '7' ? '8' : '7') + code.substring(1);
		assertThat(VerificationCode.normalise(mistyped)).isEmpty();
		assertThat(VerificationCode.normalise("oooo-oooo-oo11-~")).contains("0000-0000-0011-~");
	}
}
