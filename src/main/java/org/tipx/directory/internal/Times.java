package org.tipx.directory.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Converts instants for the PostgreSQL driver, which binds {@link OffsetDateTime} to {@code timestamptz} exactly.
 */
final class Times {

	private Times() {
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
