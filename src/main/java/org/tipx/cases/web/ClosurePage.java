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
import org.tipx.cases.internal.Closure;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Closing a case: the supervisor sees whether any requested measure is still unanswered, and may close with a reason,
 * overriding that only on purpose.
 */
@Controller
@RequestMapping("/cases/{id}/close")
@Allowed.CaseWorkers
class ClosurePage {

	private final Closure closure;

	private final CareHeading headings;

	ClosurePage(Closure closure, CareHeading headings) {
		this.closure = closure;
		this.headings = headings;
	}

	@GetMapping
	String show(@PathVariable UUID id, Model model) {
		Actor actor = Actor.current().orElseThrow();
		model.addAttribute("heading", headings.of(actor, id));
		model.addAttribute("unanswered", closure.unansweredMeasures(actor, id));
		return "care/close";
	}

	@PostMapping
	String close(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String override, RedirectAttributes redirect) {
		closure.close(Actor.current().orElseThrow(), id, new Closure.Close(reason, override != null));
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("care.close.closed"));
		return "redirect:/cases/" + id + "/close";
	}
}
