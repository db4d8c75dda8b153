package org.tipx.cases.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.internal.Closure;
import org.tipx.cases.internal.Measures;
import org.tipx.cases.web.VisitController.Items;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Non-punishment to the end: the measures a screening's determination implies, tracked until answered, and the
 * closure of a case, refused while a requested measure is unanswered unless a supervisor overrides with a reason.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@Allowed.CaseWorkers
@Tag(name = "cases")
class MeasureController {

	private final Measures measures;

	private final Closure closure;

	MeasureController(Measures measures, Closure closure) {
		this.measures = measures;
		this.closure = closure;
	}

	/** Whom a measure was asked of. */
	record RequestJson(String requestedTo) {
	}

	/** The authority's answer: DONE or REFUSED, and what it said. */
	record AnswerJson(String outcome, String answer) {
	}

	@GetMapping("/measures")
	@Operation(summary = "The case's non-punishment measures, where each stands, and the letter's verification code")
	Items<Measures.Measure> list(@PathVariable UUID id) {
		return new Items<>(measures.list(Actor.current().orElseThrow(), id));
	}

	@PostMapping("/measures/{measureId}/request")
	@Operation(summary = "Record that a measure was requested of an authority (TO_REQUEST to REQUESTED)")
	Measures.Measure request(@PathVariable UUID id, @PathVariable UUID measureId, @RequestBody RequestJson body) {
		return measures.request(Actor.current().orElseThrow(), id, measureId, body.requestedTo());
	}

	@PostMapping("/measures/{measureId}/answer")
	@Operation(summary = "Record the authority's answer (REQUESTED to DONE or REFUSED)")
	Measures.Measure answer(@PathVariable UUID id, @PathVariable UUID measureId, @RequestBody AnswerJson body) {
		return measures.answer(Actor.current().orElseThrow(), id, measureId, body.outcome(), body.answer());
	}

	@PostMapping("/close")
	@Operation(summary = "Close the case (an administrator of the owning organisation); refused while a requested "
			+ "measure is unanswered, unless override=true with a reason")
	Closure.Closed close(@PathVariable UUID id, @RequestBody Closure.Close body) {
		return closure.close(Actor.current().orElseThrow(), id, body);
	}
}
