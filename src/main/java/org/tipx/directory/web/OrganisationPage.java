package org.tipx.directory.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationType;
import org.tipx.directory.internal.AccountAdministration;
import org.tipx.directory.internal.OrganisationRegistry;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.Countries;
import org.tipx.shared.Countries.Country;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * One member organisation, for administrators: its details to correct, its accounts, and deactivation (with a reason,
 * after confirmation), which deactivates its accounts, ends their sessions and revokes its tokens.
 */
@Controller
@RequestMapping("/admin/organisations/{id}")
@Allowed.Admin
class OrganisationPage {

	private static final String VIEW = "admin/organisation";

	private final OrganisationRegistry registry;

	private final AccountAdministration accounts;

	OrganisationPage(OrganisationRegistry registry, AccountAdministration accounts) {
		this.registry = registry;
		this.accounts = accounts;
	}

	@GetMapping
	String organisation(@PathVariable UUID id, Model model, Locale locale) {
		Organisation organisation = registry.get(id);
		model.addAttribute("details", Details.of(organisation));
		model.addAttribute("deactivation", new Deactivation("", false));
		return show(organisation, model, locale);
	}

	@PostMapping
	String update(@PathVariable UUID id, @ModelAttribute("details") Details form, BindingResult result, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			Organisation updated = registry.update(id, form.name(), form.type(), form.country());
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
					Confirmation.of("administration.organisation.updated", updated.name()));
			return "redirect:/admin/organisations/" + id;
		}
		catch (InvalidInputException | ConflictException refused) {
			Refusal.showOn(result, "organisations", refused);
			model.addAttribute("deactivation", new Deactivation("", false));
			return show(registry.get(id), model, locale);
		}
	}

	@PostMapping("/deactivate")
	String deactivate(@PathVariable UUID id, @ModelAttribute("deactivation") Deactivation form, BindingResult result,
			Model model, Locale locale, RedirectAttributes redirect) {
		Organisation organisation = registry.get(id);
		try {
			if (!form.isConfirmed()) {
				throw new InvalidInputException("confirmed", "tick the box to confirm");
			}
			registry.deactivate(id, Callers.current().organisationId(), form.reason());
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
					Confirmation.of("administration.organisation.deactivated", organisation.name()));
			return "redirect:/admin/organisations/" + id;
		}
		catch (InvalidInputException | ConflictException refused) {
			Refusal.showOn(result, "administration.organisation", refused);
			model.addAttribute("details", Details.of(organisation));
			return show(organisation, model, locale);
		}
	}

	@PostMapping("/reactivate")
	String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		registry.reactivate(id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
				Confirmation.of("administration.organisation.reactivated", registry.get(id).name()));
		return "redirect:/admin/organisations/" + id;
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	private String show(Organisation organisation, Model model, Locale locale) {
		List<Country> countries = Countries.sorted(locale);
		model.addAttribute("organisation", organisation);
		model.addAttribute("standing", registry.standing(organisation.id().value()));
		model.addAttribute("accounts", accounts.ofOrganisation(Callers.current(), organisation.id().value()));
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("countries", countries);
		model.addAttribute("countryNames", countries.stream().collect(Collectors.toMap(Country::code, Country::name)));
		model.addAttribute("own", organisation.id().value().equals(Callers.current().organisationId()));
		return VIEW;
	}

	/** The form that corrects the organisation's details. */
	record Details(String name, String type, String country) {

		static Details of(Organisation o) {
			return new Details(o.name(), o.type().name(), o.country().value());
		}
	}

	/** The form that deactivates, with the reason on record and an explicit confirmation. */
	record Deactivation(String reason, Boolean confirmed) {

		boolean isConfirmed() {
			return Boolean.TRUE.equals(confirmed);
		}
	}
}
