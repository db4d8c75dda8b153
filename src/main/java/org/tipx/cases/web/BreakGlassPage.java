package org.tipx.cases.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.cases.internal.BreakGlass;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;

/**
 * Break-glass from a page: a case worker of another organisation who must act now asks, with a written reason, to
 * read a case for a limited time. The form is shown for any case id, so that it says nothing of whether the case
 * exists until it is submitted; a case that does not exist then answers the same 404 page as any hidden case.
 */
@Controller
@Allowed.CaseWorker
class BreakGlassPage {

	private static final String VIEW = "cases/break-glass";

	private final BreakGlass breakGlass;

	/** As every page shows a moment: in UTC, the time every organisation shares. */
	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
			.withZone(ZoneOffset.UTC);

	BreakGlassPage(BreakGlass breakGlass) {
		this.breakGlass = breakGlass;
	}

	/** The reason as typed. */
	record BreakGlassForm(String reason) {
	}

	/** The case number typed on the case list; anything but an id answers the 404 page. */
	@GetMapping("/cases/break-glass/start")
	String start(@RequestParam UUID id) {
		return "redirect:/cases/" + id + "/break-glass";
	}

	@GetMapping("/cases/{id}/break-glass")
	String form(@PathVariable UUID id, Model model) {
		model.addAttribute("caseId", id);
		model.addAttribute("breakGlass", new BreakGlassForm(""));
		return VIEW;
	}

	@PostMapping("/cases/{id}/break-glass")
	String open(@PathVariable UUID id, @ModelAttribute("breakGlass") BreakGlassForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			BreakGlass.Grant grant = breakGlass.open(Actor.current().orElseThrow(), id, form.reason());
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
					Confirmation.of("cases.breakGlass.opened", MINUTE.format(grant.expiresAt())));
		}
		catch (InvalidInputException refused) {
			CaseFormRefusal.showOn(result, "breakGlass", refused, field -> field);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("caseId", id);
			return VIEW;
		}
		catch (ConflictException ownCase) {
			// The caller's own organisation holds the case: it opens without breaking anything.
		}
		return "redirect:/cases/" + id;
	}
}
