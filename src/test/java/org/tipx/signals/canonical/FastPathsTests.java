package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.junit.jupiter.api.Test;

import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;

/**
 * The shortcuts taken for speed give the same answers as the full work they skip: plain ASCII needs no Unicode lookup,
 * an address without brackets or a defanged scheme needs no re-arming, and one number-type lookup answers validity.
 */
class FastPathsTests {

	private static final List<String> TRICKY = List.of("", " ", "  +855 12 345 678  ", "\t+855 12 345 678\n",
			"+855\u200b12\u200c345\u200d678", "\ufeff@golden_jobs", "golden\u00ad-jobs.com", "g\u043e\u043egle.com",
			"\u0440\u0430\u0443\u0440\u0430\u04cf.com", "\uff10\uff18\uff11\uff12 \uff13\uff14\uff15\uff16",
			"\u3000+62\u00a0812\u20093456\u20027890\u3000", "a\u0000b", "a\u007fb", "line\r\nbreak", "\u3164",
			"hxxps://scam[.]example/path", "hXXp[:]//scam(.)example", "h**ps://scam{.}example", "name[@]mail[.]com",
			"name(at)mail(dot)com", "https://scam[dot]example[://]x", "http://plain.example/a?b=c#d", "hx", "h",
			"(012) 345-678", "\u202eevil.com", "xn--80ak6aa92e.com", "https://\uff47\uff4f\uff4f\uff47\uff4c\uff45.com",
			"~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./");

	@Test
	void cleaningPlainAsciiGivesWhatLookingUpEveryCodePointGives() {
		List<String> inputs = new ArrayList<>(TRICKY);
		StringBuilder everyAscii = new StringBuilder();
		for (char c = 0; c < 0x80; c++) {
			everyAscii.append(c);
			inputs.add("a" + c + "b");
			inputs.add(String.valueOf(c));
		}
		inputs.add(everyAscii.toString());
		Random random = new Random(7);
		for (int i = 0; i < 2_000; i++) {
			inputs.add(randomText(random));
		}
		for (String input : inputs) {
			assertThat(Invisibles.clean(input)).as(input).isEqualTo(Invisibles.cleanEveryCodePoint(input));
		}
	}

	@Test
	void reArmingSkipsOnlyTextNoPatternMatches() {
		List<String> inputs = new ArrayList<>(TRICKY);
		Random random = new Random(11);
		for (int i = 0; i < 5_000; i++) {
			inputs.add(randomText(random));
		}
		for (String input : inputs) {
			assertThat(Defanged.rearm(input)).as(input).isEqualTo(Defanged.rearmEveryPattern(input));
		}
		assertThat(Defanged.rearm("hxxps://scam[.]example")).isEqualTo("https://scam.example");
		assertThat(Defanged.rearm("https://scam.example")).isEqualTo("https://scam.example");
	}

	@Test
	void aNumberIsValidExactlyWhenThePlanGivesItAType() {
		PhoneNumberUtil plan = PhoneNumberUtil.getInstance();
		Random random = new Random(3);
		int valid = 0;
		int checked = 0;
		for (String region : List.of("ID", "KH", "TH", "MM", "PH", "VN", "LA", "CN", "MY", "US", "GB", "RU", "AU")) {
			for (int i = 0; i < 400; i++) {
				StringBuilder digits = new StringBuilder("0");
				int length = 6 + random.nextInt(8);
				for (int d = 0; d < length; d++) {
					digits.append(random.nextInt(10));
				}
				PhoneNumber number;
				try {
					number = plan.parseAndKeepRawInput(digits.toString(), region);
				}
				catch (NumberParseException tooShortOrLong) {
					continue;
				}
				boolean typed = plan.getNumberType(number) != PhoneNumberType.UNKNOWN;
				assertThat(typed).as(region + " " + digits).isEqualTo(plan.isValidNumber(number));
				valid += typed ? 1 : 0;
				checked++;
			}
		}
		assertThat(valid).as("both kinds of number were checked").isBetween(1, checked - 1);
	}

	@Test
	void trickySpellingsReadTheSameAsTheirPlainForms() {
		Canonicalisers canonicalisers = Canonicalisers.standard();
		CountryCode cambodia = new CountryCode("KH");
		assertThat(canonicalisers.canonicalise(new RawIndicator(IndicatorType.PHONE, "\uff10\uff11\uff12 345 678", null,
				null, cambodia)).canonical()).isEqualTo("+85512345678");
		assertThat(canonicalisers.canonicalise(new RawIndicator(IndicatorType.PHONE, "0\u200b12 345\u00a0678", null, null,
				cambodia)).canonical()).isEqualTo("+85512345678");
		assertThat(canonicalisers.canonicalise(new RawIndicator(IndicatorType.URL, "hxxps://golden-jobs[.]com/a?b=1",
				null, null, null)).canonical()).isEqualTo("https://golden-jobs.com/a?b=1");
		Canonical lookalike = canonicalisers.canonicalise(new RawIndicator(IndicatorType.DOMAIN,
				"g\u043e\u043egle.com", null, null, null));
		assertThat(lookalike.canonical()).startsWith("xn--");
		assertThat(lookalike.details()).containsEntry("looksLike", "google.com");
	}

	private static String randomText(Random random) {
		String alphabet = "ahxX*tps:/.[](){}@dotDOTat \t\u00a0\u200b\u3000\uff10\u043e";
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(24);
		for (int i = 0; i < length; i++) {
			text.append(random.nextInt(4) == 0 ? (char) (0x20 + random.nextInt(0x5f))
					: alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}
}
