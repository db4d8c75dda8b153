package org.tipx.signals.canonical;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.IDNA;
import com.ibm.icu.text.SpoofChecker;

import org.tipx.signals.IndicatorType;

/**
 * Domain names as the DNS knows them: lower case, international names in punycode (UTS #46, as browsers map them),
 * no trailing dot. The canonical form is the full host; its registrable domain (Public Suffix List, through Guava)
 * is derived, so that {@code login.scam.example} and {@code www.scam.example} link through {@code scam.example}. Names
 * that mix scripts or imitate a Latin name with lookalike letters are flagged, not rejected: the lookalike domain is
 * itself the identifier.
 */
final class DomainNames implements Canonicaliser {

	private static final IDNA UTS46 = IDNA.getUTS46Instance(
			IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);

	private static final int MAX_HOST = 253;

	private static final SpoofChecker SPOOF = new SpoofChecker.Builder()
			.setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
			.setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS).build();

	@Override
	public IndicatorType type() {
		return IndicatorType.DOMAIN;
	}

	@Override
	public Canonical canonicalise(RawIndicator indicator) {
		Trail trail = new Trail(IndicatorType.DOMAIN);
		String text = indicator.value();
		String rearmed = Defanged.rearm(text);
		if (!rearmed.equals(text)) {
			trail.step("re-armed the defanged name");
			text = rearmed;
		}
		if (text.contains("/") || text.contains("?")) {
			String host = WebAddresses.hostOf(text);
			if (host == null) {
				return trail.invalid(text, "not a domain name");
			}
			trail.step("took the host name from the web address");
			text = host;
		}
		if (text.contains("@")) {
			return trail.invalid(text, "an e-mail address, not a domain: file it as email");
		}
		if (text.startsWith("*.")) {
			text = text.substring(2);
			trail.step("removed the wildcard *.");
		}
		return host(text, trail);
	}

	/** Reads a host name; the trail gets the steps and, when valid, the registrable domain as a derived value. */
	Canonical host(String text, Trail trail) {
		if (text.endsWith(".")) {
			text = text.replaceAll("\\.+$", "");
			trail.step("removed the trailing dot (the DNS root)");
		}
		String unbracketed = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
		if (InetAddresses.isInetAddress(unbracketed)) {
			return trail.invalid(text, "an IP address, not a domain name: file it as ip");
		}
		// plain ASCII names come out of UTS #46 lower-cased and otherwise unchanged (FastPathsTests)
		String host = PlainUrls.plainHost(text);
		if (host == null) {
			StringBuilder ascii = new StringBuilder();
			IDNA.Info info = new IDNA.Info();
			UTS46.nameToASCII(text, ascii, info);
			if (info.hasErrors()) {
				return trail.invalid(text.toLowerCase(Locale.ROOT),
						"not a valid domain name (" + errors(info.getErrors()) + ")");
			}
			host = ascii.toString();
		}
		if (!host.equals(text)) {
			String lower = text.toLowerCase(Locale.ROOT);
			if (lower.equals(host)) {
				trail.step("lower-cased: domain names ignore case");
			}
			else if (host.contains("xn--") && !lower.contains("xn--")) {
				trail.step("wrote the international name in its DNS form (punycode)");
			}
			else {
				trail.step("mapped full-width and other compatibility characters to plain ones, as browsers do (UTS #46)");
			}
		}
		if (host.length() > MAX_HOST) {
			return trail.invalid(host, "longer than the 253 characters the DNS allows");
		}
		InternetDomainName name = domainName(host);
		if (name == null) {
			return trail.invalid(host, "not a valid domain name");
		}
		if (name.isPublicSuffix()) {
			return trail.invalid(host, host + " is a public suffix (like com or co.uk): nobody owns it as a site");
		}
		if (!name.isUnderPublicSuffix()) {
			return trail.invalid(host, "." + name.parts().get(name.parts().size() - 1)
					+ " is not a top-level domain in the Public Suffix List");
		}
		String registrable = name.topPrivateDomain().toString();
		trail.detail("host", host).detail("registrableDomain", registrable)
				.detail("publicSuffix", name.publicSuffix().toString());
		if (!registrable.equals(host)) {
			trail.step("found the registrable domain " + registrable + " (Public Suffix List)");
			trail.derive(IndicatorType.DOMAIN, registrable);
		}
		flagLookalikes(host, trail);
		return trail.valid(host);
	}

	/**
	 * The parsed name, or null where {@link InternetDomainName#isValid} says false. isValid itself parses and catches
	 * the same exception, so calling isValid and then from parsed every valid host twice.
	 */
	/** What UTS #46 makes of a name, or null where it finds errors: the reference the fast path is checked against. */
	static String uts46(String text) {
		StringBuilder ascii = new StringBuilder();
		IDNA.Info info = new IDNA.Info();
		UTS46.nameToASCII(text, ascii, info);
		return info.hasErrors() ? null : ascii.toString();
	}

	private static InternetDomainName domainName(String host) {
		try {
			return InternetDomainName.from(host);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static void flagLookalikes(String host, Trail trail) {
		if (!host.contains("xn--")) {
			return;
		}
		StringBuilder unicode = new StringBuilder();
		UTS46.nameToUnicode(host, unicode, new IDNA.Info());
		trail.detail("unicode", unicode.toString());
		Set<String> mixed = new TreeSet<>();
		StringBuilder looksLike = new StringBuilder();
		boolean allMapped = true;
		for (String label : unicode.toString().split("\\.")) {
			SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
			if (SPOOF.failsChecks(label, result)) {
				mixed.addAll(scripts(label));
			}
			if (!looksLike.isEmpty()) {
				looksLike.append('.');
			}
			allMapped &= Lookalikes.latin(label, looksLike);
		}
		String latin = looksLike.toString();
		if (!mixed.isEmpty()) {
			trail.detail("mixedScripts", String.join(", ", mixed));
			trail.step("warning: a label mixes " + String.join(" and ", mixed)
					+ " letters, a common trick for lookalike domains");
		}
		if (allMapped && !latin.equals(unicode.toString()) && Lookalikes.isAscii(latin)) {
			trail.detail("looksLike", latin);
			trail.step("warning: reads like " + latin + " but is a different domain (lookalike letters)");
		}
	}

	private static Set<String> scripts(String label) {
		Set<String> names = new TreeSet<>();
		label.codePoints().forEach(cp -> {
			int script = UScript.getScript(cp);
			if (script != UScript.COMMON && script != UScript.INHERITED) {
				names.add(UScript.getName(script));
			}
		});
		return names;
	}

	private static String errors(Set<IDNA.Error> errors) {
		StringBuilder words = new StringBuilder();
		for (IDNA.Error error : errors) {
			if (!words.isEmpty()) {
				words.append("; ");
			}
			words.append(switch (error) {
				case EMPTY_LABEL -> "an empty label between dots";
				case LABEL_TOO_LONG -> "a label longer than 63 characters";
				case DOMAIN_NAME_TOO_LONG -> "longer than the DNS allows";
				case LEADING_HYPHEN, TRAILING_HYPHEN -> "a label starts or ends with a hyphen";
				case HYPHEN_3_4 -> "hyphens in the 3rd and 4th place";
				case DISALLOWED -> "characters not allowed in domain names";
				case PUNYCODE, INVALID_ACE_LABEL -> "broken punycode";
				case BIDI -> "right-to-left and left-to-right text mixed against the rules";
				default -> error.name().toLowerCase(Locale.ROOT).replace('_', ' ');
			});
		}
		return words.toString();
	}
}
