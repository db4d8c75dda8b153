package org.tipx.signals.sightings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an organisation says about an indicator: a sighting (it saw the value in use, or judges it a false positive)
 * or an outcome (something was done about it). Written in upper snake case; read without regard to case, with
 * spaces or hyphens taken for underscores ("wallet frozen" is {@link #WALLET_FROZEN}).
 */
public enum SightingKind {
	SEEN(false), FALSE_POSITIVE(false), ACCOUNT_REMOVED(true), NUMBER_BLOCKED(true), DOMAIN_SUSPENDED(true),
	WALLET_FROZEN(true), ARREST(true);

	private final boolean outcome;

	SightingKind(boolean outcome) {
		this.outcome = outcome;
	}

	/** Whether this is an outcome (action taken), which the reporting organisation is told of. */
	public boolean outcome() {
		return outcome;
	}

	/** Whether it confirms the indicator, restarting its confidence decay (ADR 0032): all but a false positive. */
	public boolean confirms() {
		return this != FALSE_POSITIVE;
	}

	public static Optional<SightingKind> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String name = text.strip().replace(' ', '_').replace('-', '_').toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
	}

	public static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}
}
