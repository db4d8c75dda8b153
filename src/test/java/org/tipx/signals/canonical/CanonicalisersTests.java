package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.tipx.shared.CountryCode;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;

/**
 * What holds for every type: invisible characters go, overlong values are refused, hostile input never throws, and a
 * canonical form reads back to itself.
 */
class CanonicalisersTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@Test
	void zeroWidthAndDirectionCharactersAreStrippedBeforeReading() {
		Canonical phone = canonicalise(IndicatorType.PHONE, "\u200b+855\u200c 12\u200d 345\u2060 678\ufeff");
		assertThat(phone.canonical()).isEqualTo("+85512345678");
		assertThat(phone.steps().get(0)).startsWith("removed 5 invisible characters");
		assertThat(canonicalise(IndicatorType.CRYPTO_ADDRESS, "TR7NHqjeKQxGTCi8q8\u200bZY4pL8otSzgjLj6t\u202c").canonical())
				.isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
		assertThat(canonicalise(IndicatorType.DOMAIN, "golden\u00ad-jobs.com").canonical()).isEqualTo("golden-jobs.com");
	}

	@Test
	void aValueOfOnlyInvisibleCharactersIsEmpty() {
		Canonical blank = canonicalise(IndicatorType.EMAIL, "\u200b\u200b \u3164 ");
		assertThat(blank.valid()).isFalse();
		assertThat(blank.reason()).startsWith("empty");
	}

	@Test
	void veryLongValuesAreRefusedWithAReason() {
		Canonical url = canonicalise(IndicatorType.URL, "https://golden-jobs.com/?q=" + "a".repeat(5000));
		assertThat(url.valid()).isFalse();
		assertThat(url.reason()).startsWith("longer than 2048 characters");
		assertThat(url.canonical().length()).isLessThan(300);
	}

	@Test
	void hostileInputNeverThrows() {
		Random random = new Random(42);
		List<String> nasty = List.of("%", "%%%", "http://", "@", "0x", "bc1", "T", "[", "[::", "::::", "..", ".",
				"\ud800", "a\u0000b", "https://[::1", "https://a..b", "tg://", "wa.me/", "ethereum:", "bitcoin:?",
				"IBAN", "DE", "\u202eevil.com", "xn--", "xn--zz.com", "https://xn--a.com", "t.me/+", "@".repeat(100),
				"https://" + "a.".repeat(200) + "com", "\u1000".repeat(300));
		for (IndicatorType type : IndicatorType.values()) {
			for (String value : nasty) {
				assertThatCode(() -> canonicalisers.canonicalise(new RawIndicator(type, value, null, null, null)))
						.as(type + " " + value).doesNotThrowAnyException();
			}
			for (int i = 0; i < 300; i++) {
				String junk = randomText(random);
				for (Platform platform : new Platform[] {null, Platform.TELEGRAM, Platform.WHATSAPP}) {
					assertThatCode(() -> canonicalisers.canonicalise(new RawIndicator(type, junk, platform, Chain.TRON,
							new CountryCode("KH")))).as(type + " " + junk).doesNotThrowAnyException();
				}
			}
		}
	}

	@Test
	void everyValidCanonicalFormReadsBackToItself() {
		String[][] samples = {{"phone", "0812 3456 7890"}, {"email", "John.Smith+x@GoogleMail.com"},
				{"url", "HTTPS://Golden-Jobs.com:443/a/?b=1&a=2&utm_source=x#f"}, {"domain", "WWW.Bücher.DE."},
				{"messaging_handle", "https://t.me/Golden_Jobs"}, {"crypto_address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
				{"bank_account", "de89 3704 0044 0532 0130 00"}, {"ip", "2606:4700:4700:0:0:0:0:1111"},
				{"organisation_name", "  Golden  JOBS "}, {"person_alias", "ကိုေအာင္"}};
		for (String[] sample : samples) {
			IndicatorType type = IndicatorType.fromWire(sample[0]).orElseThrow();
			Canonical first = canonicalise(type, sample[1]);
			assertThat(first.valid()).as(sample[1] + ": " + first.reason()).isTrue();
			assertThat(canonicalise(type, first.canonical()).canonical()).as(sample[0]).isEqualTo(first.canonical());
		}
	}

	@Test
	void anInvalidValueImpliesNothing() {
		assertThat(canonicalise(IndicatorType.URL, "https://golden-jobs.notatld/x").derived()).isEmpty();
		assertThat(canonicalise(IndicatorType.EMAIL, "hr@golden-jobs.notatld").derived()).isEmpty();
	}

	private Canonical canonicalise(IndicatorType type, String value) {
		return canonicalisers.canonicalise(new RawIndicator(type, value, null, null, new CountryCode("ID")));
	}

	private static String randomText(Random random) {
		String alphabet = "aZ09.:/@+-_%?#&=[]()~\\ \u200b\u0430\uff10\u1000\u0e01xX";
		StringBuilder text = new StringBuilder();
		int length = 1 + random.nextInt(60);
		for (int i = 0; i < length; i++) {
			text.append(random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length()))
					: (char) random.nextInt(0x3000));
		}
		return text.toString();
	}
}
