package org.tipx.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The letter's languages, their wording files, and the warning about QR codes that lead nowhere. */
class LettersTests {

	@Test
	void everyLetterLanguageHasEveryTextAndAllButEnglishAreMarkedAsDrafts() {
		Set<String> keys = ResourceBundle.getBundle("screening/letters/letter", Locale.ROOT).keySet();
		assertThat(LetterWording.LANGUAGES).containsExactly("en", "id", "th", "km", "my", "lo", "vi", "fil", "ms",
				"zh");
		for (String language : LetterWording.LANGUAGES) {
			for (String key : keys) {
				assertThat(LetterWording.textOr(language, key, null)).as(language + " " + key).isNotBlank();
			}
			if (!language.equals("en")) {
				assertThat(LetterWording.text(language, "letter.title")).as(language)
						.isNotEqualTo(LetterWording.text("en", "letter.title"));
			}
			assertThat(LetterWording.draft(language)).as(language).isEqualTo(!language.equals("en"));
		}
	}

	@Test
	void qrCodesOfTheDefaultAddressPointToLocalhost() {
		assertThat(Letters.pointsToLocalhost("http://localhost:8080")).isTrue();
		assertThat(Letters.pointsToLocalhost("http://127.0.0.1:8080/")).isTrue();
		assertThat(Letters.pointsToLocalhost("https://tipx.imigrasi.go.id")).isFalse();
	}
}
