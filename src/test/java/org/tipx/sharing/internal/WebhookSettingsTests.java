package org.tipx.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The backoff between webhook delivery attempts.
 */
class WebhookSettingsTests {

	@Test
	void theWaitBetweenAttemptsDoublesUpToItsCeiling() {
		WebhookSettings settings = new WebhookSettings(false, null, Duration.ofSeconds(30), Duration.ofMinutes(5), 0,
				null);
		assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMinutes(4));
		assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.backoffAfter(40)).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.maxAttempts()).isEqualTo(12);
	}
}
