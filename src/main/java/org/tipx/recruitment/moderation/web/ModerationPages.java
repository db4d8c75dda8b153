package org.tipx.recruitment.moderation.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.tipx.recruitment.moderation.Deciding;
import org.tipx.recruitment.moderation.Label;
import org.tipx.recruitment.moderation.Review;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.Tlp;
import org.tipx.signals.ReportId;

/**
 * The moderators' pages: the queue of flagged postings (highest risk first, the threshold in force and how it was
 * chosen), a posting with its evidence marked in the text, the decision form, filing a fraud decision to the signal
 * exchange, and the labelled-data export. Posting text is only ever written into the page as escaped text.
 */
@Controller
@RequestMapping("/moderation")
@Allowed.Moderator
class ModerationPages {

	private final Review review;

	private final Deciding deciding;

	ModerationPages(Review review, Deciding deciding) {
		this.review = review;
		this.deciding = deciding;
	}

	@GetMapping
	String queue(Model model) {
		model.addAttribute("queue", review.queue(actor()));
		return "moderation/queue";
	}

	@GetMapping("/postings/{id}")
	String posting(@PathVariable UUID id, Model model) {
		model.addAttribute("decision", new DecisionForm(null, ""));
		model.addAttribute("filing", new FilingForm(Tlp.AMBER.name()));
		return show(id, model);
	}

	@PostMapping("/postings/{id}/decision")
	String decide(@PathVariable UUID id, @ModelAttribute("decision") DecisionForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Label label = deciding.decide(actor(), id, form.label(), form.note()).label();
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
					Confirmation.of("moderation.decided." + label.name()));
			return "redirect:/moderation/postings/" + id;
		}
		catch (InvalidInputException refused) {
			refused.errors().forEach(e -> result.rejectValue(e.field(), "moderation.decision.rejected",
					new Object[] { e.message() }, e.message()));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("filing", new FilingForm(Tlp.AMBER.name()));
			return show(id, model);
		}
	}

	@PostMapping("/postings/{id}/report")
	String file(@PathVariable UUID id, @ModelAttribute("filing") FilingForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			ReportId report = deciding.file(actor(), id, form.tlp());
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
					Confirmation.of("moderation.filed", report.toString()));
			return "redirect:/moderation/postings/" + id;
		}
		catch (InvalidInputException | ConflictException refused) {
			String message = refused instanceof InvalidInputException invalid
					? invalid.errors().stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
							.orElse(refused.getMessage())
					: refused.getMessage();
			result.reject("moderation.filing.rejected", new Object[] { message }, message);
			response.setStatus(refused instanceof ConflictException ? HttpStatus.CONFLICT.value()
					: HttpStatus.BAD_REQUEST.value());
			model.addAttribute("decision", new DecisionForm(null, ""));
			return show(id, model);
		}
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> export() {
		byte[] csv = review.export(actor()).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"labelled-postings.csv\"")
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
	}

	private String show(UUID id, Model model) {
		model.addAttribute("view", review.posting(actor(), id));
		model.addAttribute("labels", Label.values());
		model.addAttribute("tlps", Tlp.values());
		return "moderation/posting";
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}

	/** The decision form. */
	record DecisionForm(String label, String note) {
	}

	/** The filing form: the TLP marking of the report. */
	record FilingForm(String tlp) {
	}
}
