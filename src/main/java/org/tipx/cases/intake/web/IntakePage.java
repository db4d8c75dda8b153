package org.tipx.cases.intake.web;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.cases.intake.IntakeCases;
import org.tipx.cases.intake.Intakes;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.Countries;

/**
 * The focal point's inbox of public reports addressed to their organisation: newest first, the reporter's words
 * opened (each reading audited), an acknowledgement (which the reporter's status page then shows), and, for a focal
 * point who is also a case worker, "open as a case".
 */
@Controller
@RequestMapping("/intake")
@Allowed.FocalPoint
class IntakePage {

	private final Intakes intakes;

	private final IntakeCases cases;

	IntakePage(Intakes intakes, IntakeCases cases) {
		this.intakes = intakes;
		this.cases = cases;
	}

	@GetMapping
	String list(Model model, Locale locale) {
		model.addAttribute("intakes", intakes.received(Actor.current().orElseThrow()));
		model.addAttribute("countryNames", Countries.sorted(locale).stream()
				.collect(Collectors.toMap(Countries.Country::code, Countries.Country::name)));
		model.addAttribute("caseWorker", SecurityContextHolder.getContext().getAuthentication().getAuthorities()
				.stream().anyMatch(a -> "ROLE_CASE_WORKER".equals(a.getAuthority())));
		return "intake/inbox";
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
		intakes.acknowledge(Actor.current().orElseThrow(), id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("intake.inbox.acknowledged"));
		return "redirect:/intake#intake-" + id;
	}

	@PostMapping("/{id}/case")
	String openCase(@PathVariable UUID id, RedirectAttributes redirect) {
		var opened = cases.open(Actor.current().orElseThrow(), id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("intake.inbox.caseOpened", opened.reference()));
		return "redirect:/intake#intake-" + id;
	}
}
