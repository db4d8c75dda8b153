package org.tipx.signals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.shared.Allowed;
import org.tipx.signals.internal.Viewers;
import org.tipx.sharing.Webhooks;

/**
 * The organisation's alert webhook, kept by its admin: register (the answer shows the signing secret once), see
 * recent delivery failures and abandoned deliveries (retry them by hand), remove.
 */
@RestController
@RequestMapping("/api/v1/signals/webhook")
@Tag(name = "signals")
class WebhookController {


	private final Webhooks webhooks;

	private final Viewers viewers;

	WebhookController(Webhooks webhooks, Viewers viewers) {
		this.webhooks = webhooks;
		this.viewers = viewers;
	}

	@PutMapping
	@Allowed.Administrators
	@Operation(summary = "Register or replace the webhook; the answer holds the new signing secret, shown only once")
	Webhooks.Registered register(@RequestBody Registration request) {
		var viewer = viewers.current();
		return webhooks.register(viewer.organisationId(), viewer.accountId(), request.url());
	}

	@GetMapping
	@Allowed.Administrators
	@Operation(summary = "The webhook address and its recent delivery failures")
	AlertWebhook status() {
		return AlertWebhook.of(webhooks.status(viewers.current().organisationId()));
	}

	@GetMapping("/abandoned")
	@Allowed.Administrators
	@Operation(summary = "Alert deliveries that ran out of attempts, newest first; each can be retried by hand")
	List<AlertWebhook.Abandoned> abandoned() {
		return AlertWebhook.abandoned(webhooks.abandoned(viewers.current().organisationId()));
	}

	@PostMapping("/abandoned/{alertId}/retry")
	@Allowed.Administrators
	@Operation(summary = "Deliver an abandoned alert again now, with a fresh round of attempts")
	ResponseEntity<Void> retry(@PathVariable UUID alertId) {
		webhooks.retry(viewers.current().organisationId(), alertId);
		return ResponseEntity.accepted().build();
	}

	@DeleteMapping
	@Allowed.Administrators
	ResponseEntity<Void> remove() {
		webhooks.remove(viewers.current().organisationId());
		return ResponseEntity.noContent().build();
	}

	record Registration(String url) {
	}
}
