package org.tipx.signals.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tipx.sharing.Webhooks;

/**
 * The organisation's webhook as the alert pages and API show it: each failure names the alert it was delivering.
 */
record AlertWebhook(String url, Instant createdAt, List<Failure> recentFailures) {

	static AlertWebhook of(Webhooks.Status status) {
		return new AlertWebhook(status.url(), status.createdAt(), status.recentFailures().stream()
				.map(f -> new Failure(f.deliveryId(), f.attempt(), f.error(), f.failedAt())).toList());
	}

	static List<Abandoned> abandoned(List<Webhooks.Abandoned> abandoned) {
		return abandoned.stream().map(a -> new Abandoned(a.deliveryId(), a.attempts(), a.lastFailure())).toList();
	}

	/** An alert whose delivery ran out of attempts. */
	record Abandoned(UUID alertId, int attempts, Instant lastFailure) {
	}

	/** One failed attempt to deliver an alert. */
	record Failure(UUID alertId, int attempt, String error, Instant failedAt) {
	}
}
