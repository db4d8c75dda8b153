package org.tipx.cases.intake.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.intake.IntakeCases;
import org.tipx.cases.intake.Intakes;
import org.tipx.cases.internal.CaseView;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Public reports for the focal points of the organisations they were addressed to: read (audited), acknowledge,
 * and open as a case (case workers).
 */
@RestController
@RequestMapping("/api/v1/intakes")
@Allowed.FocalPoint
@Tag(name = "cases")
class IntakeController {

	private final Intakes intakes;

	private final IntakeCases cases;

	IntakeController(Intakes intakes, IntakeCases cases) {
		this.intakes = intakes;
		this.cases = cases;
	}

	@GetMapping
	@Operation(summary = "Public reports addressed to your organisation, newest first (at most 100); each read is audited")
	List<Intakes.IntakeView> received() {
		return intakes.received(Actor.current().orElseThrow());
	}

	@PostMapping("/{id}/acknowledge")
	@Operation(summary = "Acknowledge a public report addressed to your organisation (the reporter sees it was)")
	ResponseEntity<Void> acknowledge(@PathVariable UUID id) {
		intakes.acknowledge(Actor.current().orElseThrow(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/case")
	@Operation(summary = "Open a case from a public report addressed to your organisation (once per organisation)")
	ResponseEntity<CaseView> openCase(@PathVariable UUID id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(cases.open(Actor.current().orElseThrow(), id));
	}
}
