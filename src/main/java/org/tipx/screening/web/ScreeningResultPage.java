package org.tipx.screening.web;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.platform.Confirmation;
import org.tipx.screening.Outcome;
import org.tipx.screening.internal.Decisions;
import org.tipx.screening.internal.Letters;
import org.tipx.screening.internal.ScreeningDrafts;
import org.tipx.screening.internal.ScreeningView;
import org.tipx.screening.internal.Screenings;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.Countries;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;

/**
 * The result of a screening for the officer: the outcome with its reasons in plain words, the next steps, the
 * referral contacts for the person's nationality and the officer's country, and the officer's decisions — confirm or
 * override with a reason, void with a reason, notify the country of nationality where the person consented, and issue
 * the non-punishment letter.
 */
@Controller
@RequestMapping("/screenings")
@Allowed.Screener
class ScreeningResultPage {

	private final Screenings screenings;

	private final Decisions decisions;

	private final Letters letters;

	private final Directory directory;

	private final ScreeningDrafts drafts;

	ScreeningResultPage(Screenings screenings, Decisions decisions, Letters letters, Directory directory,
			ScreeningDrafts drafts) {
		this.drafts = drafts;
		this.screenings = screenings;
		this.decisions = decisions;
		this.letters = letters;
		this.directory = directory;
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model, Locale locale) {
		Actor officer = Actor.current().orElseThrow();
		ScreeningView screening = screenings.read(officer, id);
		Map<String, String> profile = screenings.profile(officer, id);
		Organisation own = directory.organisation(new OrganisationId(officer.organisationId())).orElseThrow();
		Set<CountryCode> countries = new LinkedHashSet<>();
		if (profile.get("nationality") != null) {
			try {
				countries.add(new CountryCode(profile.get("nationality")));
			}
			catch (IllegalArgumentException unassigned) {
				// kept from before unassigned codes were refused: the page shows the code, without its contacts
			}
		}
		countries.add(own.country());
		model.addAttribute("screening", screening);
		model.addAttribute("profile", profile);
		model.addAttribute("interpreter", drafts.interpreter(officer, id).orElse(null));
		model.addAttribute("nationalityName", Countries.name(profile.get("nationality"), locale));
		model.addAttribute("contacts", directory.referralContacts(countries));
		model.addAttribute("letters", letters.letters(officer, id));
		model.addAttribute("letterLanguages", letters.languages(locale));
		model.addAttribute("letterQrLocalhost", letters.qrCodesPointToLocalhost());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("notified", decisions.notified(officer, id).size());
		if (!model.containsAttribute("overrideReason")) {
			model.addAttribute("overrideReason", "");
		}
		return "screening/result";
	}

	@PostMapping("/{id}/confirm")
	String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> decisions.confirm(Actor.current().orElseThrow(), id), "screening.result.confirmed");
	}

	@PostMapping("/{id}/override")
	String override(@PathVariable UUID id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Outcome chosen = null;
		try {
			chosen = outcome == null || outcome.isBlank() ? null : Outcome.valueOf(outcome);
		}
		catch (IllegalArgumentException unknown) {
			chosen = null;
		}
		Outcome finalOutcome = chosen;
		redirect.addFlashAttribute("overrideReason", reason == null ? "" : reason);
		return act(id, redirect, () -> decisions.override(Actor.current().orElseThrow(), id, finalOutcome, reason),
				"screening.result.overridden");
	}

	@PostMapping("/{id}/void")
	String voidScreening(@PathVariable UUID id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> decisions.voidScreening(Actor.current().orElseThrow(), id, reason),
				"screening.result.voided");
	}

	@PostMapping("/{id}/notify")
	String notifyCountry(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> decisions.notifyCountryOfNationality(Actor.current().orElseThrow(), id),
				"screening.result.notifiedNow");
	}

	@PostMapping("/{id}/letters")
	String issueLetter(@PathVariable UUID id, @RequestParam(required = false) String language,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> letters.issue(Actor.current().orElseThrow(), id, language),
				"screening.result.letterIssued");
	}

	@GetMapping("/letters/{code}.pdf")
	ResponseEntity<byte[]> letter(@PathVariable String code) {
		byte[] pdf = letters.pdf(Actor.current().orElseThrow(), code);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline().filename("tipx-letter-" + code + ".pdf").build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf);
	}

	private String act(UUID id, RedirectAttributes redirect, Runnable action, String done) {
		try {
			action.run();
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of(done));
		}
		catch (InvalidInputException | ConflictException refused) {
			redirect.addFlashAttribute("refusal", refused instanceof InvalidInputException invalid
					? invalid.errors().get(0).field() + ": " + invalid.errors().get(0).message() : refused.getMessage());
		}
		return "redirect:/screenings/" + id;
	}
}
