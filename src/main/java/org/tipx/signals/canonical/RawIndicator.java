package org.tipx.signals.canonical;

import java.util.Objects;

import org.tipx.shared.CountryCode;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;

/**
 * An identifier as a reporter typed it, with the context needed to read it: the reporter's country (default region
 * for phone numbers and bank accounts), and the platform or chain when given.
 *
 * @param platform may be null
 * @param chain    may be null
 * @param country  may be null when unknown
 */
public record RawIndicator(IndicatorType type, String value, Platform platform, Chain chain, CountryCode country) {

	public RawIndicator {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(value, "value");
	}
}
