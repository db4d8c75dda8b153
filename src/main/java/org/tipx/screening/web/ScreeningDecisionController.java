package org.tipx.screening.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.directory.Organisation;
import org.tipx.screening.Outcome;
import org.tipx.screening.internal.Decisions;
import org.tipx.screening.internal.Letters;
import org.tipx.screening.internal.ScreeningView;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;

/**
 * The officer's decisions through the API: confirm, override with a reason, void with a reason, notify the country of
 * nationality, and issue or fetch non-punishment letters. Each step is audited.
 */
@RestController
@RequestMapping("/api/v1/screenings")
@Allowed.Screener
@Tag(name = "screening")
class ScreeningDecisionController {

	private final Decisions decisions;

	private final Letters letters;

	ScreeningDecisionController(Decisions decisions, Letters letters) {
		this.decisions = decisions;
		this.letters = letters;
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Confirm the computed outcome")
	ScreeningView confirm(@PathVariable UUID id) {
		return decisions.confirm(Actor.current().orElseThrow(), id);
	}

	@PostMapping("/{id}/override")
	@Operation(summary = "Override the outcome with a written reason; the computed outcome is kept")
	ScreeningView override(@PathVariable UUID id, @RequestBody Map<String, String> request) {
		String outcome = request.get("outcome");
		Outcome chosen;
		try {
			chosen = outcome == null ? null : Outcome.valueOf(outcome);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("outcome", "'" + outcome + "' is not PRESUMED_VICTIM, POSSIBLE_VICTIM or NO_INDICATORS");
		}
		return decisions.override(Actor.current().orElseThrow(), id, chosen, request.get("reason"));
	}

	@PostMapping("/{id}/void")
	@Operation(summary = "Void the screening with a written reason (it is never deleted); withdraws its letters")
	ScreeningView voidScreening(@PathVariable UUID id, @RequestBody Map<String, String> request) {
		return decisions.voidScreening(Actor.current().orElseThrow(), id, request.get("reason"));
	}

	@PostMapping("/{id}/notify-country")
	@Operation(summary = "With the person's consent, notify the focal points of their country of nationality")
	Map<String, List<String>> notifyCountry(@PathVariable UUID id) {
		return Map.of("notified", decisions.notifyCountryOfNationality(Actor.current().orElseThrow(), id).stream()
				.map(Organisation::name).toList());
	}

	@PostMapping("/{id}/letters")
	@Operation(summary = "Issue a non-punishment letter for a decided screening, in one of en, id, th, km, my, lo, "
			+ "vi, fil, ms, zh (every language but en is a draft translation and prints the English text too)")
	ResponseEntity<Letters.Letter> issue(@PathVariable UUID id, @RequestBody Map<String, String> request) {
		Letters.Letter letter = letters.issue(Actor.current().orElseThrow(), id, request.get("language"));
		return ResponseEntity.created(URI.create("/api/v1/screenings/letters/" + letter.code())).body(letter);
	}

	@GetMapping("/{id}/letters")
	List<Letters.Letter> letters(@PathVariable UUID id) {
		return letters.letters(Actor.current().orElseThrow(), id);
	}

	@GetMapping("/letters/{code}")
	@Operation(summary = "The letter as PDF (opening the person's name for it is audited)")
	ResponseEntity<byte[]> pdf(@PathVariable String code) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(letters.pdf(Actor.current().orElseThrow(), code));
	}
}
