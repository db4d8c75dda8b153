package org.tipx.flows.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;
import org.tipx.flows.internal.Tracing;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * The trace page (seeds, direction, taint model, hop limit; the result drawn as a graph above the table of endpoints)
 * and the comparison page (the same seeds under every model, the range per endpoint). Both run the API's own
 * {@code /traces} and {@code /traces/comparison} methods, so each trace is checked and audited as through the API.
 * A refused form is shown with one problem line per field.
 */
@Controller
@RequestMapping("/flows")
@Allowed.FlowTracers
class TracePages {

	private final FlowsController api;

	TracePages(FlowsController api) {
		this.api = api;
	}

	/** What the person typed, shown again with the result. */
	record TraceForm(String seeds, String direction, String model, String maxHops) {

		static TraceForm blank() {
			return new TraceForm("", Direction.FORWARD.name(), TaintModel.HAIRCUT.name(), "7");
		}

		FlowsController.TraceRequest request(List<Tracing.SeedRequest> seeds) {
			return new FlowsController.TraceRequest(seeds, direction, model, hops());
		}

		private Integer hops() {
			try {
				return maxHops == null || maxHops.isBlank() ? null : Integer.valueOf(maxHops.strip());
			}
			catch (NumberFormatException notANumber) {
				throw new InvalidInputException("maxHops", "a whole number from 1 to 50");
			}
		}
	}

	/** One endpoint of the comparison: the amount under each model, and the range. */
	record ComparedEndpoint(String address, String tag, String asset, Map<String, String> amounts, String min,
			String max) {
	}

	@GetMapping("/trace")
	String traceForm(Model model) {
		api.caller();
		return show(model, TraceForm.blank(), "flows/trace");
	}

	@PostMapping("/trace")
	String trace(@RequestParam(required = false) String seeds, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String model, @RequestParam(required = false) String maxHops, Model page,
			HttpServletResponse response) {
		TraceForm form = new TraceForm(seeds, direction, model, maxHops);
		try {
			List<Tracing.SeedRequest> parsed = SeedLines.read(seeds);
			Map<String, Object> answer = api.trace(form.request(parsed));
			page.addAttribute("trace", TraceView.of(answer, parsed.stream().map(Tracing.SeedRequest::tx).toList()));
		}
		catch (InvalidInputException | NotFoundException refused) {
			refuse(page, response, refused);
		}
		return show(page, form, "flows/trace");
	}

	@GetMapping("/comparison")
	String comparisonForm(Model model) {
		api.caller();
		return show(model, TraceForm.blank(), "flows/comparison");
	}

	@PostMapping("/comparison")
	@SuppressWarnings("unchecked")
	String compare(@RequestParam(required = false) String seeds, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String maxHops, Model page, HttpServletResponse response) {
		TraceForm form = new TraceForm(seeds, direction, null, maxHops);
		try {
			Map<String, Object> answer = api.comparison(form.request(SeedLines.read(seeds)));
			Map<String, Map<String, Object>> byModel = (Map<String, Map<String, Object>>) answer.get("models");
			List<ComparedEndpoint> rows = new ArrayList<>();
			for (Map<String, Object> range : (List<Map<String, Object>>) answer.get("endpoints")) {
				String address = (String) range.get("address");
				Map<String, String> amounts = new LinkedHashMap<>();
				String tag = null;
				String asset = null;
				for (TaintModel taint : TaintModel.values()) {
					for (Map<String, Object> e : (List<Map<String, Object>>) byModel.get(taint.name()).get("endpoints")) {
						if (address.equals(e.get("address"))) {
							amounts.put(taint.name(), (String) e.get("amount"));
							tag = tag != null ? tag : (String) (e.get("name") != null ? e.get("name") : e.get("tag"));
							asset = (String) e.get("asset");
						}
					}
				}
				rows.add(new ComparedEndpoint(address, tag, asset, amounts, (String) range.get("min"),
						(String) range.get("max")));
			}
			page.addAttribute("compared", rows);
		}
		catch (InvalidInputException | NotFoundException refused) {
			refuse(page, response, refused);
		}
		return show(page, form, "flows/comparison");
	}

	private static void refuse(Model page, HttpServletResponse response, RuntimeException refused) {
		response.setStatus(refused instanceof NotFoundException ? HttpStatus.NOT_FOUND.value()
				: HttpStatus.BAD_REQUEST.value());
		page.addAttribute("problems", refused instanceof InvalidInputException invalid ? invalid.errors()
				: List.of(new InvalidInputException.FieldError("seeds", refused.getMessage())));
	}

	private static String show(Model page, TraceForm form, String view) {
		page.addAttribute("form", form);
		page.addAttribute("directions", Direction.values());
		page.addAttribute("models", TaintModel.values());
		page.addAttribute("drawn", TraceView.DRAWN);
		return view;
	}
}
