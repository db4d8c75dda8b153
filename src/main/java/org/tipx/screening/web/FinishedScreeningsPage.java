package org.tipx.screening.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tipx.screening.Outcome;
import org.tipx.screening.internal.FinishedScreenings;
import org.tipx.screening.internal.ScreeningFilter;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.Countries;
import org.tipx.shared.InvalidInputException;

/**
 * "My screenings" and, for an organisation's administrator, "Our screenings": finished screenings newest first,
 * searched and filtered, each opening its result page. A filter that is not understood is named next to its field
 * (answered 400) and nothing is listed.
 */
@Controller
@Allowed.ScreeningReaders
class FinishedScreeningsPage {

	private final FinishedScreenings finished;

	FinishedScreeningsPage(FinishedScreenings finished) {
		this.finished = finished;
	}

	@GetMapping("/screenings/finished")
	String list(@RequestParam(required = false) String mine, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String nationality,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model,
			Locale locale, HttpServletResponse response) {
		Map<String, String> given = new LinkedHashMap<>();
		given.put("mine", "true".equals(mine) ? "true" : "");
		given.put("outcome", blankIfNull(outcome));
		given.put("decision", blankIfNull(decision));
		given.put("from", blankIfNull(from));
		given.put("to", blankIfNull(to));
		given.put("nationality", blankIfNull(nationality));
		given.put("q", blankIfNull(q));
		boolean admin = ScreeningScope.isOrganisationAdmin();
		model.addAttribute("given", given);
		model.addAttribute("admin", admin);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("decisions", ScreeningFilter.DECISIONS);
		var countries = Countries.sorted(locale);
		model.addAttribute("countries", countries);
		Map<String, String> names = new LinkedHashMap<>();
		countries.forEach(country -> names.put(country.code(), country.name()));
		model.addAttribute("countryNames", names);
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			boolean organisationWide = ScreeningScope.organisationWide(mine);
			model.addAttribute("organisationWide", organisationWide);
			ScreeningFilter filter = ScreeningFilter.parse(organisationWide, outcome, decision, from, to,
					nationality, q, page, null);
			FinishedScreenings.Listing listing = finished.list(Actor.current().orElseThrow(), filter);
			model.addAttribute("listing", listing);
			model.addAttribute("previous", pageLink(given, listing.page() - 1));
			model.addAttribute("next", pageLink(given, listing.page() + 1));
		}
		catch (InvalidInputException refused) {
			refused.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
			model.addAttribute("organisationWide", admin && !"true".equals(mine));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("errors", errors);
		return "screening/finished";
	}

	private static String pageLink(Map<String, String> given, int page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/screenings/finished");
		given.forEach((name, value) -> {
			if (!value.isEmpty()) {
				link.queryParam(name, value);
			}
		});
		return link.queryParam("page", page).encode().build().toUriString();
	}

	private static String blankIfNull(String value) {
		return value == null ? "" : value.strip();
	}
}
