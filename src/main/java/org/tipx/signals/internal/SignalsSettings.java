package org.tipx.signals.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunable rules of the signal exchange.
 *
 * @param linkCap             a value held by more reports than this, across otherwise unconnected networks, stops
 *                            linking and is flagged for review (TIPX_SIGNALS_LINK_CAP); in a caller's view only if
 *                            the caller itself sees more holders than this (ADR 0015)
 * @param ageOut              phones and handles observed further apart than this do not link: numbers get reassigned
 *                            (TIPX_SIGNALS_AGE_OUT)
 * @param lookupsPerMinute    lookups allowed per account per minute, a list counting each value
 *                            (TIPX_SIGNALS_LOOKUPS_PER_MINUTE)
 * @param maxIndicators       most indicators in one report
 */
@ConfigurationProperties("tipx.signals")
public record SignalsSettings(int linkCap, Duration ageOut, int lookupsPerMinute, int maxIndicators) {

	public SignalsSettings {
		linkCap = linkCap <= 0 ? 20 : linkCap;
		ageOut = ageOut == null ? Duration.ofDays(365) : ageOut;
		lookupsPerMinute = lookupsPerMinute <= 0 ? 600 : lookupsPerMinute;
		maxIndicators = maxIndicators <= 0 ? 500 : maxIndicators;
	}
}
