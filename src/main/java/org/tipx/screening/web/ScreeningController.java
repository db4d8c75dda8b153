package org.tipx.screening.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.screening.ScreeningCompleted.Consent;
import org.tipx.screening.internal.FinishedScreenings;
import org.tipx.screening.internal.FormLanguage;
import org.tipx.screening.internal.NewScreening;
import org.tipx.screening.internal.ScreeningCatalogue;
import org.tipx.screening.internal.ScreeningFilter;
import org.tipx.screening.internal.ScreeningForm;
import org.tipx.screening.internal.ScreeningView;
import org.tipx.screening.internal.Screenings;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * Screenings through the JSON API: a screener sends an interview's answers and consent and gets the outcome with its
 * reasons; the form's versions and languages (with their review status) are described at {@code /form}.
 */
@RestController
@RequestMapping("/api/v1/screenings")
@Tag(name = "screening")
class ScreeningController {

	private final Screenings screenings;

	private final ScreeningCatalogue catalogue;

	private final FinishedScreenings finished;

	ScreeningController(Screenings screenings, ScreeningCatalogue catalogue, FinishedScreenings finished) {
		this.screenings = screenings;
		this.catalogue = catalogue;
		this.finished = finished;
	}

	/**
	 * Finished screenings, newest first, without personal data. An organisation's administrator sees the whole
	 * organisation's unless {@code mine=true}; anyone else sees only their own.
	 */
	@GetMapping
	@Allowed.ScreeningReaders
	@Operation(summary = "Finished screenings, newest first: the caller's own (mine=true), or the organisation's for "
			+ "its ORG_ADMIN; filters outcome, decision, from, to (dates, UTC), nationality, q; page, size (audited)")
	FinishedScreenings.Listing list(@RequestParam(required = false) String mine,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String nationality, @RequestParam(required = false) String q,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		ScreeningFilter filter = ScreeningFilter.parse(ScreeningScope.organisationWide(mine), outcome, decision, from,
				to, nationality, q, page, size);
		return finished.list(Actor.current().orElseThrow(), filter);
	}

	@PostMapping
	@Allowed.Screener
	@Operation(summary = "Score an interview: outcome, forced criminality, non-punishment, reasons and next steps")
	ResponseEntity<ScreeningView> screen(@RequestBody ScreeningJson request) {
		Actor actor = Actor.current().orElseThrow();
		var submitted = screenings.submit(actor, new NewScreening(request.formId(), request.formVersion(),
				request.language(), answers(request.answers()), consent(request.consent()), NewScreening.Source.API,
				null));
		return ResponseEntity.created(URI.create("/api/v1/screenings/" + submitted.screening().id()))
				.body(submitted.screening());
	}

	@GetMapping("/{id}")
	@Allowed.Screener
	@Operation(summary = "A screening of the caller's organisation (every read is audited); reasons and next steps in "
			+ "the language of the interview, or in lang (any language of the form: en, id, th, km, my, vi, fil, ms, "
			+ "lo, zh-Hans; all but en are drafts awaiting review, textReviewStatus says so)")
	ScreeningView read(@PathVariable UUID id, @RequestParam(required = false) String lang) {
		return screenings.read(Actor.current().orElseThrow(), id, lang);
	}

	@GetMapping("/form")
	@Allowed.Screener
	@Operation(summary = "The screening form: id, version, languages and whether each translation is reviewed")
	FormJson form() {
		ScreeningForm form = catalogue.current();
		return new FormJson(form.formId(), form.version(), form.title(), form.hash(), form.languages());
	}

	/** The form as described to clients. */
	record FormJson(String formId, String formVersion, String title, String hash, List<FormLanguage> languages) {
	}

	/** A screening request. */
	record ScreeningJson(String formId, String formVersion, String language, Map<String, Object> answers,
			ConsentJson consent) {
	}

	/** Consent as the JSON API takes it. */
	record ConsentJson(Boolean assistance, Boolean referral, Boolean shareWithCountryOfNationality, Boolean research) {
	}

	private static Map<String, String> answers(Map<String, Object> given) {
		if (given == null) {
			throw new InvalidInputException("answers", "is required");
		}
		Map<String, String> answers = new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>();
		given.forEach((name, value) -> {
			if (value == null) {
				return;
			}
			if (value instanceof String text) {
				answers.put(name, text);
			}
			else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
				answers.put(name, list.stream().map(String.class::cast).collect(Collectors.joining(" ")));
			}
			else if (value instanceof Boolean flag) {
				answers.put(name, flag ? "yes" : "no");
			}
			else if (value instanceof Number number) {
				answers.put(name, number.toString());
			}
			else {
				errors.add(new FieldError(name, "must be a text, a number, true/false or a list of choices"));
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return answers;
	}

	private static Consent consent(ConsentJson given) {
		if (given == null) {
			throw new InvalidInputException("consent", "is required: assistance, referral, "
					+ "shareWithCountryOfNationality and research, each true or false");
		}
		List<FieldError> missing = new ArrayList<>();
		if (given.assistance() == null) {
			missing.add(new FieldError("consent.assistance", "is required (true or false)"));
		}
		if (given.referral() == null) {
			missing.add(new FieldError("consent.referral", "is required (true or false)"));
		}
		if (given.shareWithCountryOfNationality() == null) {
			missing.add(new FieldError("consent.shareWithCountryOfNationality", "is required (true or false)"));
		}
		if (given.research() == null) {
			missing.add(new FieldError("consent.research", "is required (true or false)"));
		}
		if (!missing.isEmpty()) {
			throw new InvalidInputException(missing);
		}
		return new Consent(given.assistance(), given.referral(), given.shareWithCountryOfNationality(),
				given.research());
	}
}
