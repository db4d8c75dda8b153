package org.tipx.screening.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.platform.Confirmation;
import org.tipx.screening.internal.Notices;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * The focal point's inbox of notices from screenings of the country's nationals abroad: newest first, what was
 * determined and which measures apply, who to contact, and an acknowledgement.
 */
@Controller
@RequestMapping("/screenings/notices")
@Allowed.FocalPoint
class NoticesPage {

	private final Notices notices;

	NoticesPage(Notices notices) {
		this.notices = notices;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("notices", notices.received(Actor.current().orElseThrow()));
		return "screening/notices";
	}

	@PostMapping("/{id}/acknowledge")
	String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
		notices.acknowledge(Actor.current().orElseThrow(), id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("screening.notices.acknowledged"));
		return "redirect:/screenings/notices#notice-" + id;
	}
}
