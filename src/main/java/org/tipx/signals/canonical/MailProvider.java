package org.tipx.signals.canonical;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Mail providers that document how they read the name part of an address. Gmail ignores dots and everything after a
 * + ("dots don't matter", "add a plus sign and any word"), and googlemail.com is the same mailbox as gmail.com.
 * Outlook.com, Proton Mail and Fastmail document + sub-addressing. Providers not listed keep the name as typed
 * (lower-cased), because a wrong rule would link strangers.
 */
enum MailProvider {

	GMAIL("Gmail", true, "gmail.com", Set.of("gmail.com", "googlemail.com")),
	OUTLOOK("Outlook.com", false, null, Set.of("outlook.com", "hotmail.com", "live.com", "msn.com")),
	PROTON("Proton Mail", false, null, Set.of("proton.me", "protonmail.com", "protonmail.ch", "pm.me")),
	FASTMAIL("Fastmail", false, null, Set.of("fastmail.com", "fastmail.fm"));

	private final String label;

	private final boolean ignoresDots;

	private final String mainDomain;

	private final Set<String> domains;

	MailProvider(String label, boolean ignoresDots, String mainDomain, Set<String> domains) {
		this.label = label;
		this.ignoresDots = ignoresDots;
		this.mainDomain = mainDomain;
		this.domains = domains;
	}

	static Optional<MailProvider> of(String domain) {
		return Arrays.stream(values()).filter(p -> p.domains.contains(domain)).findFirst();
	}

	String label() {
		return label;
	}

	boolean ignoresDots() {
		return ignoresDots;
	}

	/** The domain every alias domain delivers to, or the given one. */
	String mainDomain(String domain) {
		return mainDomain == null ? domain : mainDomain;
	}
}
