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
	void aPlainlyWrittenNumberParsesExactlyAsLibphonenumberParsesIt() throws Exception {
		assertThat(PlainNumbers.AVAILABLE).as("libphonenumber's parse steps were found").isTrue();
		PhoneNumberUtil plan = PhoneNumberUtil.getInstance();
		Random random = new Random(11);
		List<String> regions = new ArrayList<>(plan.getSupportedRegions());
		regions.add("ZZ");
		java.util.Collections.sort(regions);
		int fast = 0;
		int compared = 0;
		for (String region : regions) {
			int callingCode = plan.getCountryCodeForRegion(region);
			String trunk = region.equals("ZZ") ? "" : plan.getNddPrefixForRegion(region, true);
			for (int i = 0; i < 120; i++) {
				StringBuilder digits = new StringBuilder();
				int length = 1 + random.nextInt(i % 10 == 0 ? 22 : 12);
				for (int d = 0; d < length; d++) {
					digits.append(random.nextInt(10));
				}
				String national = digits.toString();
				String code = String.valueOf(random.nextInt(5) == 0 ? random.nextInt(1000) : callingCode);
				String typed = switch (random.nextInt(9)) {
					case 0 -> "+" + code + national;
					case 1 -> "+" + code + " " + spaced(national, random);
					case 2 -> "00" + code + national;
					case 3 -> (trunk == null ? "" : trunk) + national;
					case 4 -> "(" + (trunk == null ? "" : trunk) + spaced(national, random) + ")";
					case 5 -> national;
					case 6 -> code + national;
					case 7 -> "(+" + code + ") " + spaced(national, random) + " -";
					default -> scrambled(random);
				};
				compared++;
				String expected;
				try {
					expected = describe(plan.parseAndKeepRawInput(typed, region));
				}
				catch (NumberParseException e) {
					expected = "refused: " + e.getErrorType();
				}
				String actual;
				try {
					PhoneNumber number = PlainNumbers.parse(typed, region);
					if (number == null) {
						continue;
					}
					fast++;
					actual = describe(number);
				}
				catch (NumberParseException e) {
					fast++;
					actual = "refused: " + e.getErrorType();
				}
				assertThat(actual).as(region + " \"" + typed + "\"").isEqualTo(expected);
			}
		}
		assertThat(fast).as("the plain path read most of the " + compared + " spellings").isGreaterThan(compared / 2);
	}

	private static String describe(PhoneNumber n) {
		return n.getCountryCode() + "/" + n.getNationalNumber() + " zero=" + n.isItalianLeadingZero() + "x"
				+ n.getNumberOfLeadingZeros() + " source=" + n.getCountryCodeSource() + " raw=" + n.getRawInput()
				+ " carrier=" + n.getPreferredDomesticCarrierCode() + " ext=" + n.hasExtension() + n.getExtension()
				+ " equal-to-itself=" + n.exactlySameAs(n);
	}

	private static String spaced(String digits, Random random) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && random.nextInt(3) == 0) {
				out.append(" -.".charAt(random.nextInt(3)));
			}
			out.append(digits.charAt(i));
		}
		return out.toString();
	}

	/** Any mix of the characters the plain path takes, and a few it does not. */
	private static String scrambled(Random random) {
		String alphabet = "0123456789  -.()+0123456789x#,;";
		StringBuilder out = new StringBuilder();
		for (int i = random.nextInt(16); i >= 0; i--) {
			out.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return out.toString();
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

	private static final String[] SCHEMES = { "http://", "https://", "HTTP://", "HtTpS://", "ftp://", "", "//",
			"https:/", "https:\\\\", "https:///", "hxxps://", "https://\t", "javascript:" };

	private static final String[] USERS = { "", "", "", "user@", "user:pass@", "a%40b@", "google.com@", "@" };

	private static final String[] HOSTS = { "example.com", "EXAMPLE.COM", "www.Example.co.uk", "ex-ample.org",
			"-bad.com", "bad-.com", "xn--80ak6aa92e.com", "XN--80AK6AA92E.com", "ab--cd.com", "a..b.com", ".a.com",
			"a.com.", "a.com..", "1.2.3.4", "0x7f.0.0.1", "example.0", "example.0x1", "127.1", "[::1]", "[::FFFF:1.2.3.4]",
			"g\u043e\u043egle.com", "\uff47oogle.com", "b\u00fccher.de", "B\u00dcCHER.de", "a_b.com", "a*b.com",
			"a%2Eb.com", "a%41.com", "a".repeat(63) + ".com", "a".repeat(64) + ".com", ("abcdefghi." .repeat(26)) + "com",
			"localhost", "123abc.com", "com", "co.uk", "t.me", "wa.me", "bit.ly", "sub.domain.example.museum",
			"x.y-z.example", "\u0440\u0430\u0443\u0440\u0430\u04cf.com", "exa\u00admple.com", "exa\u200bmple.com",
			"straße.de", "\u0665\u0666.com", "e\u0301xample.com", "EXAMPLE.COM.", "a.b.c.d.e.f.g", "" };

	private static final String[] PORTS = { "", "", "", ":", ":80", ":443", ":8080", ":0080", ":0443", ":65535",
			":65536", ":0", ":99999", ":8a", ":-1", ": 80" };

	private static final String[] PATHS = { "", "", "/", "/a/b", "/apply/job", "/a/./b", "/a/../b", "/.", "/..",
			"/%2e/x", "/%2E%2e/x", "/.well-known/x", "/a b", "/a%20b", "/a%zz", "/\u00fc", "/a\\b", "/a'b", "/a^b",
			"/a|b", "/~user/", "/a;b=c", "/a@b", "/a:b", "/A/B/", "//double", "/a/.", "/a/..", "/a/b/../../..",
			"/%7Euser", "/a%2fb", "/a\"b", "/a<b>", "/a`b", "/a{b}", "/a[b]", "/p?", "/p%3F" };

	private static final String[] QUERIES = { "", "", "?", "?a=1", "?a=1&b=2", "?b=2&a=1", "?a=1&a=2", "?a",
			"?a=", "?=x", "?a=1&&b=2", "?a=1&", "?&a=1", "?utm_source=x&id=3", "?q=a b", "?q='x'", "?q=a=b",
			"?q=%zz", "?fbclid=IwAR123&lang=en", "?Q=1&q=2", "?a=%41", "?a=\u00fc", "?a=1;b=2", "?a=1?b=2",
			"?a=1&b", "?id=7&UTM_SOURCE=x", "?a[]=1", "?a=1&b=2&c=3&a=4" };

	private static final String[] FRAGMENTS = { "", "", "", "#", "#frag", "#a#b", "#a b", "#\u00fc", "#x?y=1",
			"#/route/1", "#a%20b" };

	@Test
	void thePlainAddressScannerReadsEveryAddressItTakesExactlyAsTheWhatWgParser() {
		Random random = new Random(17);
		List<String> inputs = new ArrayList<>(TRICKY);
		for (int i = 0; i < 120_000; i++) {
			inputs.add(pick(random, SCHEMES) + pick(random, USERS) + pick(random, HOSTS) + pick(random, PORTS)
					+ pick(random, PATHS) + pick(random, QUERIES) + pick(random, FRAGMENTS));
		}
		for (int i = 0; i < 40_000; i++) {
			// mostly what reporters paste, each part now and then odd
			inputs.add(pick(random, SCHEMES, 3) + pick(random, USERS, 3) + pick(random, HOSTS, 4) + pick(random, PORTS, 7)
					+ pick(random, PATHS, 5) + pick(random, QUERIES, 8) + pick(random, FRAGMENTS, 5));
		}
		for (int i = 0; i < 20_000; i++) {
			inputs.add("https://" + randomHost(random) + randomText(random));
			inputs.add(randomText(random) + randomText(random));
		}
		int scanned = 0;
		for (String input : inputs) {
			WebAddresses.Parts plain = PlainUrls.scan(input);
			if (plain != null) {
				scanned++;
				assertThat(plain).as(input).isEqualTo(WebAddresses.parseFully(input));
			}
		}
		assertThat(scanned).as("the scanner took a good share of the corpus").isGreaterThan(10_000);
	}

	@Test
	void aPlainAsciiHostNameIsWhatUts46MakesOfIt() {
		Random random = new Random(19);
		List<String> inputs = new ArrayList<>(List.of(HOSTS));
		inputs.addAll(TRICKY);
		for (int i = 0; i < 50_000; i++) {
			inputs.add(randomHost(random));
		}
		int plain = 0;
		for (String input : inputs) {
			String fast = PlainUrls.plainHost(input);
			if (fast != null) {
				plain++;
				assertThat(fast).as(input).isEqualTo(DomainNames.uts46(input));
			}
		}
		assertThat(plain).as("the fast path took a good share of the corpus").isGreaterThan(inputs.size() / 20);
	}

	@Test
	void webAddressesAndDomainsReadAsBeforeTheShortcuts() {
		Canonicalisers canonicalisers = Canonicalisers.standard();
		assertThat(canonicalisers.canonicalise(new RawIndicator(IndicatorType.URL,
				"HTTP://WWW.Golden-Jobs.COM:80/apply/x?id=7&utm_source=fb&b=2#form", null, null, null)).canonical())
				.isEqualTo("http://www.golden-jobs.com/apply/x?b=2&id=7");
		Canonical domain = canonicalisers.canonicalise(new RawIndicator(IndicatorType.DOMAIN, "Login.Scam.Example.COM",
				null, null, null));
		assertThat(domain.canonical()).isEqualTo("login.scam.example.com");
		assertThat(domain.steps()).contains("lower-cased: domain names ignore case");
		assertThat(domain.derived()).extracting(Canonical.Derived::canonical).contains("example.com");
	}

	private static String pick(Random random, String[] choices) {
		return choices[random.nextInt(choices.length)];
	}

	/** One of the first {@code usual} choices nine times in ten, otherwise any. */
	private static String pick(Random random, String[] choices, int usual) {
		return choices[random.nextInt(random.nextInt(10) == 0 ? choices.length : usual)];
	}

	/** Labels of letters of both cases, digits, hyphens, now and then a dot, underscore or a non-ASCII letter. */
	private static String randomHost(Random random) {
		String alphabet = "abcxyzABCXYZ0189-----..._\u00fc\u043e\uff41";
		StringBuilder host = new StringBuilder();
		int length = 1 + random.nextInt(random.nextInt(20) == 0 ? 80 : 20);
		for (int i = 0; i < length; i++) {
			host.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		if (random.nextBoolean()) {
			host.append(random.nextBoolean() ? ".com" : ".co.uk");
		}
		return host.toString();
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
