package org.tipx.cases.web;

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
import org.tipx.cases.internal.Measures;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/** A case's non-punishment measures: where each stands, the letter's code, and the forms to request and answer. */
@Controller
@RequestMapping("/cases/{id}/measures")
@Allowed.CaseWorkers
class MeasuresPage {

	private final Measures measures;

	private final CareHeading headings;

	MeasuresPage(Measures measures, CareHeading headings) {
		this.measures = measures;
		this.headings = headings;
	}

	@GetMapping
	String show(@PathVariable UUID id, Model model) {
		Actor actor = Actor.current().orElseThrow();
		model.addAttribute("heading", headings.of(actor, id));
		model.addAttribute("measures", measures.list(actor, id));
		return "care/measures";
	}

	@PostMapping("/{measureId}/request")
	String request(@PathVariable UUID id, @PathVariable UUID measureId,
			@RequestParam(required = false) String requestedTo, RedirectAttributes redirect) {
		measures.request(Actor.current().orElseThrow(), id, measureId, requestedTo);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("care.measures.requested"));
		return "redirect:/cases/" + id + "/measures#measure-" + measureId;
	}

	@PostMapping("/{measureId}/answer")
	String answer(@PathVariable UUID id, @PathVariable UUID measureId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String answer, RedirectAttributes redirect) {
		measures.answer(Actor.current().orElseThrow(), id, measureId, outcome, answer);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("care.measures.answered"));
		return "redirect:/cases/" + id + "/measures#measure-" + measureId;
	}
}
