package org.tipx.signals.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.Directory;
import org.tipx.shared.ExpectedFailure;
import org.tipx.signals.AlertRaised;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each alert to its organisation's webhook, signed (see {@link WebhookSignature}). The alert event sits in the
 * event publication registry until the receiver answers 2xx: a failed attempt is recorded for the admin and the event
 * stays incomplete, so {@link WebhookRetries} tries again with backoff and a restart does not lose it.
 */
@Component
class WebhookDelivery {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final Webhooks webhooks;

	private final Alerts alerts;

	private final Directory directory;

	private final WebhookSettings settings;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	WebhookDelivery(Webhooks webhooks, Alerts alerts, Directory directory, WebhookSettings settings, AuditTrail audit,
			JsonMapper json, Clock clock) {
		this.webhooks = webhooks;
		this.alerts = alerts;
		this.directory = directory;
		this.settings = settings;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
				.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@ApplicationModuleListener
	void on(AlertRaised raised) {
		Optional<Webhooks.Target> target = webhooks.find(raised.organisationId());
		if (target.isEmpty() || webhooks.delivered(raised.alertId())) {
			return;
		}
		Viewer recipient = new Viewer(raised.organisationId(),
				directory.sharingGroupsOf(new OrganisationId(raised.organisationId())), null);
		Optional<AlertView> alert = alerts.find(raised.alertId()).flatMap(a -> alerts.view(recipient, a));
		if (alert.isEmpty()) {
			return;
		}
		int attempt = webhooks.attempts(raised.alertId()).failures() + 1;
		if (attempt > settings.maxAttempts()) {
			return;
		}
		byte[] body = json.writeValueAsBytes(alert.get());
		long timestamp = clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(target.get().url())).timeout(settings.timeout())
				.header("Content-Type", "application/json")
				.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
				.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.get().secret(), timestamp, body))
				.header(WebhookSignature.DELIVERY_HEADER, raised.alertId().toString())
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
		String failure;
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 == 2) {
				webhooks.markDelivered(raised.alertId(), response.statusCode());
				audit.recordFor("system", AuditRecord.success("signals.webhook.deliver", "signal_alert",
						raised.alertId()).withDetail("attempt " + attempt + ", HTTP " + response.statusCode()));
				return;
			}
			failure = "HTTP " + response.statusCode();
		}
		catch (IOException e) {
			failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			failure = "interrupted";
		}
		webhooks.failed(raised.organisationId(), raised.alertId(), attempt, failure);
		log.warn("Webhook delivery {} (X-Tipx-Delivery, the alert id) to organisation {} failed (attempt {}): {}", raised.alertId(),
				raised.organisationId(), attempt, failure);
		throw new DeliveryFailed(failure);
	}

	/** Leaves the alert's event publication incomplete, to be retried. */
	static final class DeliveryFailed extends ExpectedFailure {

		DeliveryFailed(String reason) {
			super(reason);
		}
	}
}
