package org.tipx.shared;

import java.time.Duration;

/**
 * Something the request needs before it may be answered (such as its audit entry being committed) is not available
 * now; answered with 503 and Retry-After, and nothing is returned that the caller was not allowed to receive yet.
 */
public class UnavailableException extends RuntimeException {

	private final Duration retryAfter;

	public UnavailableException(String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
