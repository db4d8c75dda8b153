package org.tipx.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moments as tipx stores them: in UTC, as {@link OffsetDateTime}, which the PostgreSQL driver binds to
 * {@code timestamptz} exactly (an {@link Instant} it does not bind). Pages show them through the platform's
 * {@code timestamps} bean, also in UTC.
 */
public final class Utc {

	private Utc() {
	}

	/** The instant at UTC, or null for null. */
	public static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	/** Now, by {@code clock}, at UTC. */
	public static OffsetDateTime now(Clock clock) {
		return at(clock.instant());
	}

	/** The instant a stored moment stands for, or null for null. */
	public static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
