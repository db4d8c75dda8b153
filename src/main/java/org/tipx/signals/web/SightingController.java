package org.tipx.signals.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.sightings.IndicatorSightings;
import org.tipx.signals.sightings.SightingView;
import org.tipx.signals.sightings.Sightings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Sightings and outcomes of an indicator (ADR 0032). An indicator on a report the caller may not see is "not found".
 */
@RestController
@RequestMapping("/api/v1/signals/indicators/{id}/sightings")
@Tag(name = "signals")
class SightingController {

	private final Sightings sightings;

	private final Viewers viewers;

	SightingController(Sightings sightings, Viewers viewers) {
		this.sightings = sightings;
		this.viewers = viewers;
	}

	@PostMapping
	@Allowed.SignalWriters
	@Operation(summary = "Record a sighting (SEEN, FALSE_POSITIVE) or an outcome (ACCOUNT_REMOVED, NUMBER_BLOCKED,"
			+ " DOMAIN_SUSPENDED, WALLET_FROZEN, ARREST) of an indicator the caller can see")
	ResponseEntity<SightingView> record(@PathVariable UUID id, @RequestBody(required = false) SightingJson request) {
		if (request == null) {
			throw new InvalidInputException("kind", "is required");
		}
		SightingView recorded = sightings.record(viewers.current(), id, request.kind(), request.observedAt(),
				request.note());
		return ResponseEntity.created(URI.create("/api/v1/signals/indicators/" + id + "/sightings/" + recorded.id()))
				.body(recorded);
	}

	@GetMapping
	@Allowed.SignalReaders
	@Operation(summary = "The indicator's confidence now, counts of sightings and outcomes by kind, and those the"
			+ " caller may see one by one: all on its own reports, its own elsewhere")
	IndicatorSightings list(@PathVariable UUID id) {
		return sightings.of(viewers.current(), id);
	}

	/** observedAt is text so that a malformed date is refused naming the field. */
	record SightingJson(String kind, String observedAt, String note) {
	}
}
