package org.tipx.cases.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.internal.Assessments;
import org.tipx.cases.internal.PlanContent;
import org.tipx.cases.internal.Plans;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * A case's protection-needs assessment and its return and reintegration plans: written by the owning organisation's
 * case workers, approved by its administrators; read by them and by a break-glass reader. To anyone else, 404.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}")
@Allowed.CaseWorkers
@Tag(name = "cases")
class CareController {

	private final Assessments assessments;

	private final Plans plans;

	CareController(Assessments assessments, Plans plans) {
		this.assessments = assessments;
		this.plans = plans;
	}

	/** An assessment as sent: a level for each area, and a note. */
	record AssessmentJson(Map<String, String> needs, String note) {
	}

	/** A plan as sent; {@code submit} asks for a supervisor's approval (otherwise a draft). */
	record PlanJson(String travelDocuments, String escort, String reception, String familyContact,
			LocalDate returnOn, List<PlanContent.Goal> goals, String note, Boolean submit) {
	}

	@GetMapping("/assessment")
	@Operation(summary = "The protection-needs assessment in force and its earlier versions")
	Assessments.WithHistory assessment(@PathVariable UUID id) {
		return assessments.read(actor(), id);
	}

	@PutMapping("/assessment")
	@Operation(summary = "Record a new version of the assessment (each area NONE, LOW, MEDIUM or HIGH), for approval")
	Assessments.WithHistory assess(@PathVariable UUID id, @RequestBody AssessmentJson body) {
		return assessments.submit(actor(), id, new Assessments.Change(body.needs(), body.note()));
	}

	@PostMapping("/assessment/approve")
	@Operation(summary = "Approve the assessment in force (an administrator of the owning organisation)")
	Assessments.WithHistory approveAssessment(@PathVariable UUID id) {
		return assessments.approve(actor(), id);
	}

	@GetMapping("/plans/{kind}")
	@Operation(summary = "The return or reintegration plan in force and its earlier versions")
	Plans.WithHistory plan(@PathVariable UUID id, @PathVariable String kind) {
		return plans.read(actor(), id, Plans.kind(kind));
	}

	@PutMapping("/plans/{kind}")
	@Operation(summary = "Write a new version of the return or reintegration plan, as a draft or submitted")
	Plans.WithHistory write(@PathVariable UUID id, @PathVariable String kind, @RequestBody PlanJson body) {
		return plans.write(actor(), id, Plans.kind(kind), new PlanContent(body.travelDocuments(), body.escort(),
				body.reception(), body.familyContact(), body.returnOn(), body.goals(), body.note()),
				Boolean.TRUE.equals(body.submit()));
	}

	@PostMapping("/plans/{kind}/approve")
	@Operation(summary = "Approve the submitted plan (an administrator of the owning organisation)")
	Plans.WithHistory approvePlan(@PathVariable UUID id, @PathVariable String kind) {
		return plans.approve(actor(), id, Plans.kind(kind));
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}
}
