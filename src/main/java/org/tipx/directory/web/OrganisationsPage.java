package org.tipx.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationType;
import org.tipx.directory.internal.OrganisationRegistry;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.Countries;
import org.tipx.shared.Countries.Country;
import org.tipx.shared.InvalidInputException;

/**
 * Administrators see the member organisations, searched by name, type or country, each linking to its own page, and
 * register new ones.
 */
@Controller
@RequestMapping("/admin/organisations")
@Allowed.Admin
class OrganisationsPage {

	private static final String VIEW = "admin/organisations";

	private final OrganisationRegistry registry;

	OrganisationsPage(OrganisationRegistry registry) {
		this.registry = registry;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, Model model, Locale locale) {
		model.addAttribute("organisation", NewOrganisation.EMPTY);
		model.addAttribute("q", q == null ? "" : q.strip());
		return show(model, locale);
	}

	@PostMapping
	String register(@ModelAttribute("organisation") NewOrganisation form, BindingResult result, Model model,
			Locale locale, RedirectAttributes redirect) {
		Organisation created;
		try {
			created = registry.register(form.name(), form.type(), form.country());
		}
		catch (InvalidInputException | ConflictException refused) {
			Refusal.showOn(result, "organisations", refused);
			model.addAttribute("q", "");
			return show(model, locale);
		}
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("organisations.registered", created.name()));
		return "redirect:/admin/organisations";
	}

	private String show(Model model, Locale locale) {
		List<Country> countries = Countries.sorted(locale);
		java.util.Map<String, String> countryNames = countries.stream()
				.collect(Collectors.toMap(Country::code, Country::name));
		String q = ((String) model.getAttribute("q")).toLowerCase(locale);
		model.addAttribute("organisations", registry.all().stream().filter(o -> q.isEmpty()
				|| o.name().toLowerCase(locale).contains(q) || o.type().name().toLowerCase(Locale.ROOT).contains(q)
				|| o.country().value().equalsIgnoreCase(q)
				|| countryNames.getOrDefault(o.country().value(), "").toLowerCase(locale).contains(q)).toList());
		model.addAttribute("inactive", registry.inactive());
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("countries", countries);
		model.addAttribute("countryNames", countryNames);
		return VIEW;
	}

	/** The registration form. */
	record NewOrganisation(String name, String type, String country) {

		static final NewOrganisation EMPTY = new NewOrganisation("", "", "");
	}

}
