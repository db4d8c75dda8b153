package org.tipx.signals.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.shared.Allowed;
import org.tipx.signals.alerts.AlertDigests;
import org.tipx.signals.alerts.AlertSubscription;
import org.tipx.signals.alerts.AlertSubscriptions;
import org.tipx.signals.alerts.DigestView;
import org.tipx.signals.internal.Viewers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the organisation is alerted about, set by its focal points, and the daily digests it chose to receive.
 */
@RestController
@RequestMapping("/api/v1/signals")
@Tag(name = "signals")
class AlertSubscriptionController {

	private final AlertSubscriptions subscriptions;

	private final AlertDigests digests;

	private final Viewers viewers;

	AlertSubscriptionController(AlertSubscriptions subscriptions, AlertDigests digests, Viewers viewers) {
		this.subscriptions = subscriptions;
		this.digests = digests;
		this.viewers = viewers;
	}

	@GetMapping("/alert-subscription")
	@Allowed.FocalPoint
	@Operation(summary = "The organisation's alert subscription (the defaults if none was set)")
	Subscription current() {
		return Subscription.of(subscriptions.current(viewers.current()));
	}

	@PutMapping("/alert-subscription")
	@Allowed.FocalPoint
	@Operation(summary = "Replace the organisation's alert subscription: countries followed (its own always), "
			+ "categories (none: all), minimum network size, TLP floor, digest (NONE or DAILY)")
	Subscription set(@RequestBody AlertSubscriptions.Choice choice) {
		return Subscription.of(subscriptions.set(viewers.current(), choice));
	}

	@GetMapping("/alerts/digests")
	@Allowed.SignalReaders
	@Operation(summary = "The organisation's daily alert digests, newest first")
	List<DigestView> digests(@RequestParam(defaultValue = "30") int limit) {
		return digests.of(viewers.current(), Math.max(1, Math.min(limit, 100)));
	}

	/** A subscription as the API shows it. */
	record Subscription(String ownCountry, List<String> countries, List<String> categories, int minNetworkSize,
			String tlpFloor, String digest) {

		static Subscription of(AlertSubscription s) {
			return new Subscription(s.ownCountry(), List.copyOf(s.countries()),
					s.categories().stream().map(Enum::name).toList(), s.minNetworkSize(), s.tlpFloor().name(),
					s.digest().name());
		}
	}
}
