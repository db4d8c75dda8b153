package org.tipx.recruitment.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SourceScheduleTests {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	@Test
	void aSourceIsDueWhenNeverPolledOrItsIntervalHasPassedAndOnlyWhenEnabled() {
		assertThat(source(null, true).due(NOW)).isTrue();
		assertThat(source(NOW.minus(Duration.ofMinutes(59)), true).due(NOW)).isFalse();
		assertThat(source(NOW.minus(Duration.ofMinutes(60)), true).due(NOW)).isTrue();
		assertThat(source(null, false).due(NOW)).isFalse();
	}

	private static Source source(Instant lastPolled, boolean enabled) {
		return new Source(UUID.randomUUID(), UUID.randomUUID(), "Board", SourceKind.FEED, "https://jobs.example/rss",
				Map.of(), Duration.ofMinutes(60), enabled, NOW.minus(Duration.ofDays(1)), lastPolled, null, null, null,
				null);
	}
}
