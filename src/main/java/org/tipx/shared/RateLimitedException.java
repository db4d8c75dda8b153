package org.tipx.shared;

import java.time.Duration;

/**
 * The caller has made too many requests of this kind; answered with 429 and Retry-After.
 */
public class RateLimitedException extends RuntimeException {

	private final Duration retryAfter;

	public RateLimitedException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
