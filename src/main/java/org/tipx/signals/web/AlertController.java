package org.tipx.signals.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.shared.Allowed;
import org.tipx.signals.alerts.AlertView;
import org.tipx.signals.alerts.Alerts;
import org.tipx.signals.internal.Viewers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The organisation's early-warning inbox: alerts raised when its reports, or reports it may see, link across a
 * border. Focal points triage them.
 */
@RestController
@RequestMapping("/api/v1/signals/alerts")
@Tag(name = "signals")
class AlertController {

	private final Alerts alerts;

	private final Viewers viewers;

	AlertController(Alerts alerts, Viewers viewers) {
		this.alerts = alerts;
		this.viewers = viewers;
	}

	@GetMapping
	@Allowed.SignalReaders
	@Operation(summary = "The organisation's alerts, newest first, optionally only those in one triage state")
	List<AlertView> inbox(@RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit) {
		return alerts.inbox(viewers.current(), state, Math.max(1, Math.min(limit, 500)));
	}

	@GetMapping("/{id}")
	@Allowed.SignalReaders
	AlertView read(@PathVariable UUID id) {
		return alerts.read(viewers.current(), id);
	}

	@PatchMapping("/{id}")
	@Allowed.FocalPoint
	@Operation(summary = "Set the triage state (NEW, ACKNOWLEDGED, CLOSED) with an optional note")
	AlertView triage(@PathVariable UUID id, @RequestBody Triage request) {
		return alerts.triage(viewers.current(), id, request.state(), request.note());
	}

	record Triage(String state, String note) {
	}
}
