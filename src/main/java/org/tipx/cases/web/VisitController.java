package org.tipx.cases.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.internal.Visits;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Follow-up visits of a case with their re-recruitment risk check; a rising risk raises a task.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/visits")
@Allowed.CaseWorkers
@Tag(name = "cases")
class VisitController {

	private final Visits visits;

	VisitController(Visits visits) {
		this.visits = visits;
	}

	@GetMapping
	@Operation(summary = "The case's follow-up visits, latest first")
	Items<Visits.Visit> list(@PathVariable UUID id) {
		return new Items<>(visits.list(Actor.current().orElseThrow(), id));
	}

	@PostMapping
	@Operation(summary = "Record a visit and its risk check; the case's risk follows, a rising risk raises a task")
	ResponseEntity<Visits.Visit> record(@PathVariable UUID id, @RequestBody Visits.NewVisit body) {
		Visits.Visit visit = visits.record(Actor.current().orElseThrow(), id, body);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/visits")).body(visit);
	}

	/** A list, wrapped so that it can grow fields. */
	record Items<T>(List<T> items) {
	}
}
