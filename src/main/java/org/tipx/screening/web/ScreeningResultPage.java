package org.tipx.screening.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.tipx.screening.internal.ProfileWords;
import org.tipx.screening.internal.ScreeningCatalogue;
import org.tipx.screening.internal.ScreeningForm;
import org.tipx.screening.internal.ScreeningDrafts;
import org.tipx.screening.internal.ScreeningView;
import org.tipx.screening.internal.Screenings;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
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

	private final ScreeningCatalogue catalogue;

	ScreeningResultPage(Screenings screenings, Decisions decisions, Letters letters, Directory directory,
			ScreeningDrafts drafts, ScreeningCatalogue catalogue) {
		this.drafts = drafts;
		this.catalogue = catalogue;
		this.screenings = screenings;
		this.decisions = decisions;
		this.letters = letters;
		this.directory = directory;
	}

	@GetMapping("/{id}")
	@Allowed.ScreeningReaders
	String show(@PathVariable UUID id, Model model, Locale locale) {
		Actor officer = Actor.current().orElseThrow();
		ScreeningView screening = screenings.read(officer, id, locale.getLanguage());
		Map<String, String> profile = screenings.profile(officer, id);
		ScreeningForm form = catalogue.form(screening.formId(), screening.formVersion());
		// the person's language, when not the page's: the officer may read the reasons and next steps out to them
		String personLanguage = catalogue.rules(form).textLanguage(screening.language());
		if (!personLanguage.equals(screening.textLanguage())) {
			model.addAttribute("personTexts", screenings.inLanguage(officer, id, personLanguage).orElse(null));
			model.addAttribute("personLanguage", form.language(personLanguage).orElseThrow());
		}
		Map<String, String> questions = new LinkedHashMap<>();
		screening.reasons().forEach(reason -> reason.indicators().forEach(code -> questions.put(code,
				form.text(code, locale.getLanguage()).orElse(code))));
		model.addAttribute("questions", questions);
		model.addAttribute("profileLines", ProfileWords.lines(profile, locale));
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
		model.addAttribute("nationalityName", ProfileWords.country(profile.get("nationality"), locale));
		model.addAttribute("contacts", directory.referralContacts(countries));
		Map<String, String> countryNames = new LinkedHashMap<>();
		countries.forEach(country -> countryNames.put(country.value(), ProfileWords.country(country.value(), locale)));
		model.addAttribute("countryNames", countryNames);
		model.addAttribute("letters", letters.letters(officer, id));
		model.addAttribute("letterLanguages", letters.languages(locale));
		model.addAttribute("letterQrLocalhost", letters.qrCodesPointToLocalhost());
		model.addAttribute("outcomes", Outcome.values());
		List<Decisions.NoticeSent> sent = decisions.noticesSent(officer, id);
		model.addAttribute("notified", sent.size());
		model.addAttribute("noticesSent", sent);
		model.addAttribute("mayDecide", ScreeningScope.isScreener());
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		if (!model.containsAttribute("overrideReason")) {
			model.addAttribute("overrideReason", "");
		}
		return "screening/result";
	}

	@PostMapping("/{id}/confirm")
	String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> decisions.confirm(Actor.current().orElseThrow(), id), "screening.result.confirmed",
				"confirm");
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
		redirect.addFlashAttribute("overrideOutcome", chosen == null ? "" : chosen.name());
		return act(id, redirect, () -> decisions.override(Actor.current().orElseThrow(), id, finalOutcome, reason),
				"screening.result.overridden", "override");
	}

	/**
	 * Voids a screening, after a confirmation page that says what voiding does (its letters are withdrawn); a reason
	 * too short is named next to its field without asking.
	 */
	@PostMapping("/{id}/void")
	String voidScreening(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String confirmed, Model model, RedirectAttributes redirect) {
		if (!"yes".equals(confirmed)) {
			if (reason == null || reason.strip().length() < Decisions.MIN_REASON || reason.length() > 2000) {
				redirect.addFlashAttribute("voidReason", reason == null ? "" : reason);
				return act(id, redirect, () -> {
					throw new InvalidInputException("reason", reason != null && reason.length() > 2000
							? "is at most 2000 characters" : "write why, in at least " + Decisions.MIN_REASON + " characters");
				}, "screening.result.voided", "void");
			}
			Actor officer = Actor.current().orElseThrow();
			ScreeningView screening = screenings.read(officer, id);
			model.addAttribute("screening", screening);
			model.addAttribute("reason", reason.strip());
			model.addAttribute("currentLetters", letters.letters(officer, id).stream()
					.filter(letter -> letter.withdrawnAt() == null).count());
			return "screening/void-confirm";
		}
		redirect.addFlashAttribute("voidReason", reason == null ? "" : reason);
		return act(id, redirect, () -> decisions.voidScreening(Actor.current().orElseThrow(), id, reason),
				"screening.result.voided", "void");
	}

	@PostMapping("/{id}/notify")
	String notifyCountry(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> decisions.notifyCountryOfNationality(Actor.current().orElseThrow(), id),
				"screening.result.notifiedNow", "notify");
	}

	@PostMapping("/{id}/letters")
	String issueLetter(@PathVariable UUID id, @RequestParam(required = false) String language,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> letters.issue(Actor.current().orElseThrow(), id, language),
				"screening.result.letterIssued", "letter");
	}

	@GetMapping("/letters/{code}.pdf")
	ResponseEntity<byte[]> letter(@PathVariable String code) {
		byte[] pdf = letters.pdf(Actor.current().orElseThrow(), code);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline().filename("tipx-letter-" + code + ".pdf").build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf);
	}

	/**
	 * Runs a decision and comes back to the page: done, or refused with each refused field's message kept for the
	 * form that sent it ({@code form}), shown next to the field, which takes the focus (autofocus, so it works without
	 * JavaScript).
	 */
	private String act(UUID id, RedirectAttributes redirect, Runnable action, String done, String form) {
		try {
			action.run();
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of(done));
		}
		catch (InvalidInputException | ConflictException refused) {
			redirect.addFlashAttribute("refusal", refused instanceof InvalidInputException invalid
					? invalid.errors().get(0).field() + ": " + invalid.errors().get(0).message() : refused.getMessage());
			if (refused instanceof InvalidInputException invalid) {
				Map<String, String> errors = new LinkedHashMap<>();
				invalid.errors().forEach(error -> errors.putIfAbsent(form + "." + error.field(), error.message()));
				// no #fragment: browsers skip autofocus when the address names a target, and the focus is what scrolls
				redirect.addFlashAttribute("fieldErrors", errors);
			}
		}
		return "redirect:/screenings/" + id;
	}
}
