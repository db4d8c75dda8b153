package org.tipx.sharing.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tipx.sharing.Deliverable;

/**
 * Resubmits failed webhook deliveries once their backoff has passed: the wait doubles with each failure up to a
 * ceiling, and after the last allowed attempt the delivery stays failed and listed for the organisation's admin.
 */
@Component
class WebhookRetries {

	private final IncompleteEventPublications incomplete;

	private final RegisteredWebhooks webhooks;

	private final WebhookSettings settings;

	private final Clock clock;

	WebhookRetries(IncompleteEventPublications incomplete, RegisteredWebhooks webhooks, WebhookSettings settings,
			Clock clock) {
		this.incomplete = incomplete;
		this.webhooks = webhooks;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tipx.sharing.webhooks.retry-interval:PT15S}",
			initialDelayString = "${tipx.sharing.webhooks.retry-interval:PT15S}")
	void retryDue() {
		incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withFilter(this::due));
	}

	private boolean due(EventPublication publication) {
		if (!(publication.getEvent() instanceof Deliverable event)
				|| publication.getStatus() != EventPublication.Status.FAILED) {
			return false;
		}
		RegisteredWebhooks.Attempts attempts = webhooks.attempts(event.deliveryId());
		if (attempts.failures() >= settings.maxAttempts()) {
			return false;
		}
		if (attempts.lastFailure() == null) {
			// failed before reaching the receiver (e.g. shut down mid-delivery): the registry counts the attempts
			return publication.getCompletionAttempts() < settings.maxAttempts();
		}
		Instant next = attempts.lastFailure().plus(settings.backoffAfter(attempts.failures()));
		return !clock.instant().isBefore(next);
	}
}
