package org.tipx.sharing.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.ExpectedFailure;
import org.tipx.sharing.Deliverable;
import org.tipx.sharing.DeliveryContent;
import org.tipx.sharing.WebhookSignature;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: posts each {@link Deliverable} event to its recipient's webhook, signed (see {@link WebhookSignature}).
 * The event sits in the event publication registry until the receiver answers 2xx: a failed attempt is recorded for
 * the admin and the event stays incomplete, so {@link WebhookRetries} tries again with backoff and a restart does not
 * lose it. Unlike module listeners, this one runs outside any transaction: each read and write takes a connection
 * for its own statement and returns it, so no pooled connection waits on a slow receiver.
 */
@Component
class WebhookDelivery {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final RegisteredWebhooks webhooks;

	private final WebhookAddresses addresses;

	private final WebhookPost post;

	private final List<DeliveryContent> contents;

	private final WebhookSettings settings;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	WebhookDelivery(RegisteredWebhooks webhooks, WebhookAddresses addresses, WebhookPost post,
			List<DeliveryContent> contents, WebhookSettings settings, AuditTrail audit, JsonMapper json, Clock clock) {
		this.webhooks = webhooks;
		this.addresses = addresses;
		this.post = post;
		this.contents = contents;
		this.settings = settings;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void on(Deliverable event) {
		Optional<RegisteredWebhooks.Target> target = webhooks.find(event.recipient());
		if (target.isEmpty() || webhooks.delivered(event.deliveryId())) {
			return;
		}
		Optional<Object> content = contents.stream().filter(c -> c.draws(event)).findFirst()
				.flatMap(c -> c.draw(event));
		if (content.isEmpty()) {
			return;
		}
		int attempt = webhooks.attempts(event.deliveryId()).failures() + 1;
		if (attempt > settings.maxAttempts()) {
			return;
		}
		byte[] body = json.writeValueAsBytes(content.get());
		long timestamp = clock.instant().getEpochSecond();
		Map<String, String> headers = Map.of(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
				WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.get().secret(), timestamp, body),
				WebhookSignature.DELIVERY_HEADER, event.deliveryId().toString());
		String failure;
		try {
			int status = post.post(addresses.destination(target.get().url()), body, headers);
			if (status / 100 == 2) {
				webhooks.markDelivered(event.deliveryId(), status);
				audit.recordFor("system", AuditRecord.success("signals.webhook.deliver", "delivery",
						event.deliveryId()).withDetail("attempt " + attempt + ", HTTP " + status));
				return;
			}
			failure = "HTTP " + status;
		}
		catch (WebhookAddresses.Refused e) {
			failure = "address refused: " + e.getMessage();
		}
		catch (IOException e) {
			failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		}
		webhooks.failed(event.recipient(), event.deliveryId(), attempt, failure);
		log.warn("Webhook delivery {} (X-Tipx-Delivery) to organisation {} failed (attempt {}): {}",
				event.deliveryId(), event.recipient(), attempt, failure);
		throw new DeliveryFailed(failure);
	}

	/** Leaves the event publication incomplete, to be retried. */
	static final class DeliveryFailed extends ExpectedFailure {

		DeliveryFailed(String reason) {
			super(reason);
		}
	}
}
