package org.tipx.sharing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are delivered.
 *
 * @param allowInsecure  accept plain-http and loopback or private-network webhook addresses (for local testing only;
 *                       TIPX_WEBHOOKS_ALLOW_INSECURE); off, every resolved address is checked
 * @param timeout        how long one delivery may take
 * @param retryBase      the wait after the first failure; it doubles with each further failure
 *                       (TIPX_WEBHOOKS_RETRY_BASE)
 * @param retryMax       the longest wait between two attempts
 * @param maxAttempts    attempts before a delivery is given up (it stays listed as failed for the admin)
 * @param retryInterval  how often due retries are looked for
 */
@ConfigurationProperties("tipx.sharing.webhooks")
public record WebhookSettings(boolean allowInsecure, Duration timeout, Duration retryBase, Duration retryMax,
		int maxAttempts, Duration retryInterval) {

	public WebhookSettings {
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
		retryBase = retryBase == null ? Duration.ofSeconds(30) : retryBase;
		retryMax = retryMax == null ? Duration.ofHours(6) : retryMax;
		maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
		retryInterval = retryInterval == null ? Duration.ofSeconds(15) : retryInterval;
	}

	/** The wait before attempt number {@code failures + 1}, after {@code failures} failed attempts. */
	Duration backoffAfter(int failures) {
		Duration wait = retryBase;
		for (int i = 1; i < failures && wait.compareTo(retryMax) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(retryMax) > 0 ? retryMax : wait;
	}
}
