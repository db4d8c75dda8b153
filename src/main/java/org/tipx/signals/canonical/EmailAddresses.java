package org.tipx.signals.canonical;

import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Normalizer2;

import org.tipx.signals.IndicatorType;

/**
 * E-mail addresses in lower case with the domain as the DNS knows it, and the provider's own rules applied where the
 * provider documents them (Gmail ignores dots and +tags). The mail domain is shown in the details but not derived: a
 * derived domain would keep two reports linked after an analyst cuts the e-mail link between them. File the domain as
 * its own indicator to link on it.
 */
final class EmailAddresses implements Canonicaliser {

	private static final int MAX_NAME = 64;

	/** RFC 5322 atext, plus any non-ASCII letter (RFC 6531). */
	private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~\\-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~\\-]+)*$");

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	private final DomainNames domains;

	EmailAddresses(DomainNames domains) {
		this.domains = domains;
	}

	@Override
	public IndicatorType type() {
		return IndicatorType.EMAIL;
	}

	@Override
	public Canonical canonicalise(RawIndicator indicator) {
		Trail trail = new Trail(IndicatorType.EMAIL);
		String text = indicator.value();
		if (text.regionMatches(true, 0, "mailto:", 0, 7)) {
			text = text.substring(7);
			int query = text.indexOf('?');
			text = query < 0 ? text : text.substring(0, query);
			trail.step("removed the mailto: prefix");
		}
		int open = text.lastIndexOf('<');
		int close = text.lastIndexOf('>');
		if (open >= 0 && close > open) {
			text = text.substring(open + 1, close).strip();
			trail.step("took the address from between < and >");
		}
		String rearmed = Defanged.rearm(text);
		if (!rearmed.equals(text)) {
			trail.step("re-armed the defanged address");
			text = rearmed;
		}
		String mapped = NFKC.normalize(text);
		if (!mapped.equals(text)) {
			trail.step("mapped full-width or other compatibility characters to plain ones");
			text = mapped;
		}
		int at = text.lastIndexOf('@');
		if (at <= 0 || at == text.length() - 1) {
			return trail.invalid(text, "no @ between a name and a domain");
		}
		String name = text.substring(0, at);
		if (name.indexOf('@') >= 0) {
			return trail.invalid(text, "more than one @");
		}
		if (name.length() > MAX_NAME) {
			return trail.invalid(text, "the name before @ is longer than 64 characters");
		}
		if (!NAME.matcher(name).matches()) {
			return trail.invalid(text, "the name before @ has spaces, doubled dots or characters addresses cannot hold");
		}
		Canonical domain = domains.canonicalise(new RawIndicator(IndicatorType.DOMAIN, text.substring(at + 1), null,
				null, null));
		trail.followed(domain);
		if (!domain.valid()) {
			return trail.invalid(text.toLowerCase(Locale.ROOT), "the domain after @: " + domain.reason());
		}
		String host = domain.canonical();
		String lower = name.toLowerCase(Locale.ROOT);
		if (!lower.equals(name)) {
			trail.step("lower-cased: mail providers do not tell upper from lower case");
		}
		name = lower;
		var provider = MailProvider.of(host);
		if (provider.isPresent()) {
			MailProvider mail = provider.get();
			trail.detail("provider", mail.label());
			int plus = name.indexOf('+');
			if (plus == 0) {
				return trail.invalid(name + "@" + host, "nothing before the +");
			}
			if (plus > 0) {
				trail.step("removed \"" + name.substring(plus) + "\": " + mail.label()
						+ " delivers name+anything to the same mailbox");
				name = name.substring(0, plus);
			}
			if (mail.ignoresDots() && name.contains(".")) {
				name = name.replace(".", "");
				trail.step("removed dots: " + mail.label() + " ignores dots in the name");
			}
			String main = mail.mainDomain(host);
			if (!main.equals(host)) {
				trail.step(host + " is the same mailbox as " + main);
				host = main;
				domain = domains.canonicalise(new RawIndicator(IndicatorType.DOMAIN, main, null, null, null));
			}
		}
		trail.detail("domain", host).detail("registrableDomain", domain.details().get("registrableDomain"));
		return trail.valid(name + "@" + host);
	}
}
