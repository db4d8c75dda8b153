package org.tipx.signals.sightings;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.tipx.signals.IndicatorType;

/**
 * The confidence an indicator still deserves (ADR 0032): the report's confidence (50 when it gave none), halved
 * every half-life of its type since it was last confirmed (the report's observation, or the latest sighting or
 * outcome other than a false positive), and halved again for each other organisation that judged it a false
 * positive. Rounded to a whole number from 0 to 100.
 */
public final class ConfidenceDecay {

	/** What a report that gave no confidence is taken to have. */
	public static final int UNSTATED = 50;

	private static final Map<IndicatorType, Duration> HALF_LIVES = new EnumMap<>(IndicatorType.class);

	static {
		// Values scammers swap quickly decay fast; values that cost them to replace decay slowly.
		HALF_LIVES.put(IndicatorType.IP, Duration.ofDays(14));
		HALF_LIVES.put(IndicatorType.URL, Duration.ofDays(30));
		HALF_LIVES.put(IndicatorType.DOMAIN, Duration.ofDays(60));
		HALF_LIVES.put(IndicatorType.MESSAGING_HANDLE, Duration.ofDays(90));
		HALF_LIVES.put(IndicatorType.EMAIL, Duration.ofDays(180));
		HALF_LIVES.put(IndicatorType.PHONE, Duration.ofDays(180));
		HALF_LIVES.put(IndicatorType.CRYPTO_ADDRESS, Duration.ofDays(365));
		HALF_LIVES.put(IndicatorType.BANK_ACCOUNT, Duration.ofDays(365));
		HALF_LIVES.put(IndicatorType.ORGANISATION_NAME, Duration.ofDays(365));
		HALF_LIVES.put(IndicatorType.PERSON_ALIAS, Duration.ofDays(365));
	}

	private ConfidenceDecay() {
	}

	public static Duration halfLife(IndicatorType type) {
		return HALF_LIVES.get(type);
	}

	/**
	 * @param stated          the report's confidence, or null
	 * @param lastConfirmed   when the indicator was last confirmed
	 * @param falsePositives  how many organisations other than the reporting one judged it a false positive
	 */
	public static int effective(IndicatorType type, Integer stated, Instant lastConfirmed, int falsePositives,
			Instant now) {
		double base = stated == null ? UNSTATED : stated;
		double age = Math.max(0, Duration.between(lastConfirmed, now).toSeconds());
		double halfLives = age / halfLife(type).toSeconds();
		double value = base * Math.pow(0.5, halfLives) * Math.pow(0.5, Math.max(0, falsePositives));
		return (int) Math.max(0, Math.min(100, Math.round(value)));
	}
}
