package org.tipx.directory.internal;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.tipx.shared.Utc;

/**
 * Converts instants for the PostgreSQL driver, which binds {@link OffsetDateTime} to {@code timestamptz} exactly.
 * The conversion itself is {@link Utc}'s; these names stay for the directory's stores.
 */
final class Times {

	private Times() {
	}

	static OffsetDateTime utc(Instant instant) {
		return Utc.at(instant);
	}

	static Instant instant(OffsetDateTime value) {
		return Utc.instant(value);
	}
}
