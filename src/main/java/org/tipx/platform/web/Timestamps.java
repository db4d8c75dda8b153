package org.tipx.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * How pages show a moment: in UTC, the time every organisation in the exchange shares, with the zone named.
 * Templates call it as {@code ${@timestamps.minute(instant)}}.
 */
@Component("timestamps")
class Timestamps {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
			.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
			.withZone(ZoneOffset.UTC);

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}

	public String minute(Instant instant) {
		return instant == null ? "" : MINUTE.format(instant);
	}

	public String second(Instant instant) {
		return instant == null ? "" : SECOND.format(instant);
	}
}
