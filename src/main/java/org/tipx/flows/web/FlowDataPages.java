package org.tipx.flows.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tipx.flows.internal.AddressTags;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The investigator's data pages: upload a CSV or JSON file of transfers and see how many were new, and the tags the
 * organisation may see, with a form to add one. Both answer through {@link FlowsController}'s own methods, so the
 * checks, the organisation rule (an analyst only of a financial intelligence unit) and the storage are the API's;
 * a bad file or tag is shown as one problem line per field, and nothing is stored.
 */
@Controller
@RequestMapping("/flows")
@Allowed.FlowTracers
class FlowDataPages {

	static final List<String> TLPS = List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FlowsController api;

	private final FlowsIngestController ingest;

	private final AddressTags tags;

	FlowDataPages(FlowsController api, FlowsIngestController ingest, AddressTags tags) {
		this.api = api;
		this.ingest = ingest;
		this.tags = tags;
	}

	@GetMapping("/transfers")
	String transfers() {
		api.caller();
		return "flows/transfers";
	}

	@PostMapping("/transfers")
	String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
			throws IOException {
		api.caller();
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "choose a CSV or JSON file of transfers");
			}
			String text = new String(file.getBytes(), StandardCharsets.UTF_8);
			model.addAttribute("counts", json(file, text) ? api.importJson(rows(text))
					: ingest.importCsv(file.getBytes(), null));
		}
		catch (InvalidInputException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problems", refused.errors());
		}
		return "flows/transfers";
	}

	@GetMapping("/tags")
	String tags(Model model) {
		return showTags(model, Map.of(), Map.of());
	}

	@PostMapping("/tags")
	String tag(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Map<String, Object> added = tags.add(api.caller(), new AddressTags.NewTag(form.get("chain"),
					form.get("address"), form.get("tag"), blankToNull(form.get("name")), form.get("source"),
					form.get("tlp"), null, null));
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of(Boolean.TRUE.equals(added.get("added"))
					? "flows.tags.added" : "flows.tags.known", String.valueOf(added.get("address"))));
			return "redirect:/flows/tags";
		}
		catch (InvalidInputException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Map<String, String> errors = new LinkedHashMap<>();
			refused.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
			return showTags(model, form, errors);
		}
	}

	private String showTags(Model model, Map<String, String> form, Map<String, String> errors) {
		UUID organisation = api.caller();
		model.addAttribute("tags", tags.visible(organisation, null, null).stream()
				.sorted(Comparator.comparing((Map<String, Object> t) -> String.valueOf(t.get("chain")))
						.thenComparing(t -> String.valueOf(t.get("address"))))
				.toList());
		model.addAttribute("chains", List.of(org.tipx.flows.Assets.chains().split(", ")));
		model.addAttribute("kinds", AddressTags.KINDS.stream().sorted().toList());
		model.addAttribute("tlps", TLPS);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "flows/tags";
	}

	/** JSON by the file's name, else by its first character; anything else is read as CSV. */
	private static boolean json(MultipartFile file, String text) {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
		return name.endsWith(".json") || (!name.endsWith(".csv") && text.stripLeading().startsWith("["));
	}

	private static List<Map<String, Object>> rows(String text) {
		try {
			List<Map<String, Object>> rows = JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() {
			});
			if (rows == null || rows.contains(null)) {
				throw new InvalidInputException("file", "not a JSON array of transfers");
			}
			return rows;
		}
		catch (JacksonException unreadable) {
			throw new InvalidInputException("file", "not a JSON array of transfers (chain, tx, index, time, from, to,"
					+ " asset, amount)");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
