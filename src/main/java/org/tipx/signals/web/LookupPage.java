package org.tipx.signals.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.Countries;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.RateLimitedException;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.reading.Lookups;

/**
 * "Who else has seen this?" in the browser: one value, or a pasted list of up to {@value LookupController#MAX_BATCH}
 * values of one type, looked up among the reports the caller may see. The same service as the API, so the same TLP
 * rule, audit entry and per-account rate limit.
 */
@Controller
@RequestMapping("/signals/lookup")
@Allowed.SignalReaders
class LookupPage {

	private static final String VIEW = "signals/lookup";

	private final Lookups lookups;

	private final Viewers viewers;

	LookupPage(Lookups lookups, Viewers viewers) {
		this.lookups = lookups;
		this.viewers = viewers;
	}

	/** One value, from the form or from a link such as {@code /signals/lookup?type=phone&value=...}. */
	@GetMapping
	String one(@ModelAttribute("lookup") LookupForm form, BindingResult result, Model model, Locale locale,
			HttpServletResponse response) {
		if (form.value() == null) {
			return show(new LookupForm(form.type(), null, null, form.country(), form.platform(), form.chain()), model,
					locale);
		}
		model.addAttribute("submitted", "one");
		return answer(form, List.of(form.value()), "value", result, model, locale, response);
	}

	/** A pasted list, one value per line; blank lines are skipped. */
	@PostMapping
	String many(@ModelAttribute("lookup") LookupForm form, BindingResult result, Model model, Locale locale,
			HttpServletResponse response) {
		List<String> lines = form.values() == null ? List.of()
				: Arrays.stream(form.values().split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
		model.addAttribute("submitted", "many");
		return answer(form, lines, "values", result, model, locale, response);
	}

	private String answer(LookupForm form, List<String> values, String field, BindingResult result, Model model,
			Locale locale, HttpServletResponse response) {
		List<RawIndicator> indicators = indicators(form, values, field, result);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(form, model, locale);
		}
		try {
			String caller = Actor.current().map(Actor::identity).orElse("anonymous");
			model.addAttribute("answers", lookups.lookup(viewers.current(), caller, indicators).stream()
					.map(a -> AnswerRow.of(a, locale)).toList());
		}
		catch (RateLimitedException limited) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
			result.reject("signals.lookup.rateLimited", new Object[] { Math.max(1, limited.retryAfter().toSeconds()) },
					limited.getMessage());
		}
		return show(form, model, locale);
	}

	/** The values as the API would take them; each refusal is put beside the field it concerns. */
	private static List<RawIndicator> indicators(LookupForm form, List<String> values, String field,
			BindingResult result) {
		if (form.type() == null || IndicatorType.fromWire(form.type()).isEmpty()) {
			result.rejectValue("type", "signals.lookup.type.required");
		}
		if (values.isEmpty() || values.get(0).isBlank()) {
			result.rejectValue(field, "signals.lookup." + field + ".required");
		}
		if (values.size() > LookupController.MAX_BATCH) {
			result.rejectValue(field, "signals.lookup.values.tooMany",
					new Object[] { LookupController.MAX_BATCH, values.size() }, null);
		}
		if (result.hasErrors()) {
			return List.of();
		}
		List<RawIndicator> indicators = new ArrayList<>();
		try {
			for (String value : values) {
				indicators.add(LookupController.parse("", form.type(), value, form.country(), form.platform(),
						form.chain()));
			}
		}
		catch (InvalidInputException refused) {
			FormRefusal.showOn(result, "signals.lookup", refused);
		}
		return indicators;
	}

	private String show(LookupForm form, Model model, Locale locale) {
		model.addAttribute("lookup", form);
		// The country a value without one is read in, named on the form and beside each answer that used it.
		model.addAttribute("homeCountry", viewers.countryOf(viewers.current()).map(c -> Countries.name(c.value(), locale))
				.orElse(null));
		model.addAttribute("types", IndicatorType.wireNames());
		model.addAttribute("platforms", Platform.wireNames());
		model.addAttribute("chains", Chain.wireNames());
		model.addAttribute("countries", Countries.sorted(locale));
		model.addAttribute("maxBatch", LookupController.MAX_BATCH);
		return VIEW;
	}

	/**
	 * An answer, how many organisations' reports hold the value, and the name of the country the value was read in
	 * when none was given (null otherwise).
	 */
	record AnswerRow(Lookups.Answer answer, long organisations, String assumedCountry) {

		static AnswerRow of(Lookups.Answer answer, Locale locale) {
			return new AnswerRow(answer, answer.reports().stream().map(Lookups.Match::organisation).distinct().count(),
					answer.assumedCountry() == null ? null : Countries.name(answer.assumedCountry(), locale));
		}
	}

	/**
	 * The lookup form: {@code value} for one value, {@code values} for a pasted list; country, platform and chain
	 * help read phones, handles and wallets.
	 */
	record LookupForm(String type, String value, String values, String country, String platform, String chain) {
	}
}
