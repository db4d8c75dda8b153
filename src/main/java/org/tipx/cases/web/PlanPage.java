package org.tipx.cases.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.cases.internal.CareHeading;
import org.tipx.cases.internal.PlanContent;
import org.tipx.cases.internal.PlanKind;
import org.tipx.cases.internal.Plans;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;

/**
 * A case's return or reintegration plan: the version in force, a new version saved as a draft or submitted, and the
 * supervisor's approval. Without scripts, the reintegration form offers every area with a few milestone rows.
 */
@Controller
@RequestMapping("/cases/{id}/plans/{kind}")
@Allowed.CaseWorkers
class PlanPage {

	/** Milestone rows offered per goal on the form. */
	static final int MILESTONE_ROWS = 3;

	private final Plans plans;

	private final CareHeading headings;

	PlanPage(Plans plans, CareHeading headings) {
		this.plans = plans;
		this.headings = headings;
	}

	@GetMapping
	String show(@PathVariable UUID id, @PathVariable String kind, Model model) {
		Actor actor = Actor.current().orElseThrow();
		PlanKind planKind = kindOf(kind);
		model.addAttribute("heading", headings.of(actor, id));
		Plans.WithHistory plan = plans.read(actor, id, planKind);
		model.addAttribute("plan", plan);
		Map<String, PlanContent.Goal> goalsByArea = new java.util.HashMap<>();
		if (plan.current() != null && plan.current().content().goals() != null) {
			plan.current().content().goals().forEach(goal -> goalsByArea.put(goal.area(), goal));
		}
		model.addAttribute("goalsByArea", goalsByArea);
		model.addAttribute("kind", planKind);
		model.addAttribute("travelDocuments", PlanKind.TRAVEL_DOCUMENTS);
		model.addAttribute("escorts", PlanKind.ESCORTS);
		model.addAttribute("receptions", PlanKind.RECEPTIONS);
		model.addAttribute("familyContacts", PlanKind.FAMILY_CONTACTS);
		model.addAttribute("areas", PlanKind.GOAL_AREAS);
		model.addAttribute("rows", java.util.stream.IntStream.range(0, MILESTONE_ROWS).boxed().toList());
		return "care/plan";
	}

	@PostMapping
	String write(@PathVariable UUID id, @PathVariable String kind, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		PlanKind planKind = kindOf(kind);
		PlanContent content = planKind == PlanKind.RETURN
				? new PlanContent(blank(form.get("travelDocuments")), blank(form.get("escort")),
						blank(form.get("reception")), blank(form.get("familyContact")),
						date("returnOn", form.get("returnOn")), null, form.get("note"))
				: new PlanContent(null, null, null, null, null, goals(form), form.get("note"));
		boolean submit = "true".equals(form.get("submit"));
		plans.write(Actor.current().orElseThrow(), id, planKind, content, submit);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
				Confirmation.of(submit ? "care.plan.submitted" : "care.plan.saved"));
		return "redirect:/cases/" + id + "/plans/" + planKind.path();
	}

	@PostMapping("/approve")
	String approve(@PathVariable UUID id, @PathVariable String kind, RedirectAttributes redirect) {
		PlanKind planKind = kindOf(kind);
		plans.approve(Actor.current().orElseThrow(), id, planKind);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("care.plan.approved"));
		return "redirect:/cases/" + id + "/plans/" + planKind.path();
	}

	private static PlanKind kindOf(String kind) {
		try {
			return Plans.kind(kind);
		}
		catch (InvalidInputException e) {
			throw new org.tipx.shared.NotFoundException("Plan");
		}
	}

	/** Goals ticked on the form, with the milestone rows that have anything in them. */
	private static List<PlanContent.Goal> goals(Map<String, String> form) {
		List<PlanContent.Goal> goals = new ArrayList<>();
		for (String area : PlanKind.GOAL_AREAS) {
			if (form.get("goal." + area) == null) {
				continue;
			}
			List<PlanContent.Milestone> milestones = new ArrayList<>();
			for (int row = 0; row < MILESTONE_ROWS; row++) {
				String prefix = area + "." + row + ".";
				String description = blank(form.get(prefix + "description"));
				String dueOn = blank(form.get(prefix + "dueOn"));
				if (description != null || dueOn != null) {
					milestones.add(new PlanContent.Milestone(description, date(prefix + "dueOn", dueOn),
							form.get(prefix + "done") != null));
				}
			}
			goals.add(new PlanContent.Goal(area, milestones));
		}
		return goals;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "must be a date (yyyy-mm-dd)");
		}
	}
}
