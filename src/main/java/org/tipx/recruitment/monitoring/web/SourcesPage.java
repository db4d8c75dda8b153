package org.tipx.recruitment.monitoring.web;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.platform.Confirmation;
import org.tipx.recruitment.monitoring.PollOutcome;
import org.tipx.recruitment.monitoring.SourceDraft;
import org.tipx.recruitment.monitoring.SourceKeeping;
import org.tipx.recruitment.monitoring.SourceKind;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;

/**
 * The organisation's sources page (moderators and organisation administrators, as the API): each source with its
 * schedule, last poll, new postings and last error; add a source; poll one now; remove one. A refused source is shown
 * with each reason beside its field, and nothing is stored.
 */
@Controller
@RequestMapping("/moderation/sources")
@Allowed.SourceKeepers
class SourcesPage {

	private final SourceKeeping keeping;

	SourcesPage(SourceKeeping keeping) {
		this.keeping = keeping;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("source", new SourceForm("", "FEED", "", 60));
		return show(model);
	}

	@PostMapping
	String add(@ModelAttribute("source") SourceForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			var source = keeping.add(actor(), new SourceDraft(form.name(), form.kind(), form.location(),
					form.intervalMinutes(), null, true));
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("moderation.sources.added",
					source.name()));
			return "redirect:/moderation/sources";
		}
		catch (InvalidInputException refused) {
			refused.errors().forEach(e -> {
				if (java.util.Set.of("name", "kind", "location", "intervalMinutes").contains(e.field())) {
					result.rejectValue(e.field(), "moderation.sources.rejected", new Object[] { e.message() },
							e.message());
				}
				else {
					result.reject("moderation.sources.rejected", new Object[] { e.message() }, e.message());
				}
			});
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model);
		}
	}

	@PostMapping("/{id}/poll")
	String poll(@PathVariable UUID id, RedirectAttributes redirect) {
		PollOutcome outcome = keeping.pollNow(actor(), id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, outcome.failed()
				? Confirmation.of("moderation.sources.pollFailed", outcome.error())
				: Confirmation.of("moderation.sources.polled", String.valueOf(outcome.added()),
						String.valueOf(outcome.flagged())));
		return "redirect:/moderation/sources";
	}

	@PostMapping("/{id}/remove")
	String remove(@PathVariable UUID id, RedirectAttributes redirect) {
		keeping.remove(actor(), id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("moderation.sources.removed"));
		return "redirect:/moderation/sources";
	}

	private String show(Model model) {
		model.addAttribute("sources", keeping.list(actor()));
		model.addAttribute("kinds", SourceKind.values());
		return "moderation/sources";
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

	/** The add form. */
	record SourceForm(String name, String kind, String location, Integer intervalMinutes) {
	}
}
