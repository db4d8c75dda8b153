package org.tipx.sharing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the event publication registry keeps what it has done.
 *
 * @param retention     completed publications older than this are deleted (TIPX_EVENTS_RETENTION, default 7 days);
 *                      incomplete ones are kept until delivered or retried by hand
 * @param purgeInterval how often the purge runs
 */
@ConfigurationProperties("tipx.sharing.events")
public record EventSettings(Duration retention, Duration purgeInterval) {

	public EventSettings {
		retention = retention == null ? Duration.ofDays(7) : retention;
		purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
		if (retention.isNegative()) {
			throw new IllegalArgumentException("tipx.sharing.events.retention must not be negative");
		}
	}
}
