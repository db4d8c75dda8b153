package org.tipx.cases.web;

import java.util.LinkedHashMap;
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
import org.tipx.cases.internal.Assessments;
import org.tipx.cases.internal.CareHeading;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/** The protection-needs assessment of a case: the version in force, a new version, the supervisor's approval. */
@Controller
@RequestMapping("/cases/{id}/assessment")
@Allowed.CaseWorkers
class AssessmentPage {

	private final Assessments assessments;

	private final CareHeading headings;

	AssessmentPage(Assessments assessments, CareHeading headings) {
		this.assessments = assessments;
		this.headings = headings;
	}

	@GetMapping
	String show(@PathVariable UUID id, Model model) {
		Actor actor = Actor.current().orElseThrow();
		model.addAttribute("heading", headings.of(actor, id));
		model.addAttribute("assessment", assessments.read(actor, id));
		model.addAttribute("areas", Assessments.AREAS);
		model.addAttribute("levels", Assessments.LEVELS);
		return "care/assessment";
	}

	@PostMapping
	String submit(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<String, String> needs = new LinkedHashMap<>();
		for (String area : Assessments.AREAS) {
			String level = form.get("need." + area);
			if (level != null && !level.isBlank()) {
				needs.put(area, level);
			}
		}
		assessments.submit(Actor.current().orElseThrow(), id, new Assessments.Change(needs, form.get("note")));
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("care.assessment.submitted"));
		return "redirect:/cases/" + id + "/assessment";
	}

	@PostMapping("/approve")
	String approve(@PathVariable UUID id, RedirectAttributes redirect) {
		assessments.approve(Actor.current().orElseThrow(), id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("care.assessment.approved"));
		return "redirect:/cases/" + id + "/assessment";
	}
}
