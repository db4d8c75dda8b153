package org.tipx.directory.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.directory.ReferralContact;
import org.tipx.directory.internal.ReferralContacts;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.Countries;
import org.tipx.shared.CountryCode;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * An organisation's admin keeps its referral contacts: hotlines, consular protection, victim support and child
 * protection, with languages and hours. Screening result pages show them for the person's nationality and the
 * officer's country.
 */
@Controller
@RequestMapping("/admin/referral-contacts")
@Allowed.Administrators
class ReferralContactsPage {

	private static final String VIEW = "admin/referral-contacts";

	private final ReferralContacts contacts;

	ReferralContactsPage(ReferralContacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping
	String list(Model model, Locale locale) {
		model.addAttribute("contact", NewContact.EMPTY);
		return show(model, locale);
	}

	@PostMapping
	String add(@ModelAttribute("contact") NewContact form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			contacts.add(Actor.current().orElseThrow().organisationId(), form.draft());
		}
		catch (InvalidInputException | ConflictException refused) {
			Refusal.showOn(result, "referralContacts", refused);
			return show(model, locale);
		}
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("referralContacts.added", form.name()));
		return "redirect:/admin/referral-contacts";
	}

	@PostMapping("/{id}/remove")
	String remove(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			contacts.remove(Actor.current().orElseThrow().organisationId(), administrator(), id);
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("referralContacts.removed"));
		}
		catch (ForbiddenException | NotFoundException refused) {
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("referralContacts.notYours"));
		}
		return "redirect:/admin/referral-contacts";
	}

	private String show(Model model, Locale locale) {
		List<Countries.Country> countries = Countries.sorted(locale);
		UUID own = Actor.current().orElseThrow().organisationId();
		boolean administrator = administrator();
		List<ReferralContact> all = contacts.of(Arrays.stream(Locale.getISOCountries()).map(CountryCode::new)
				.collect(Collectors.toSet()));
		model.addAttribute("contacts", all.stream().filter(c -> administrator || c.organisationId().equals(own)).toList());
		model.addAttribute("countries", countries);
		model.addAttribute("kinds", ReferralContact.Kind.values());
		return VIEW;
	}

	private static boolean administrator() {
		return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
				.anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	/** The form for a new contact; languages as codes separated by spaces or commas. */
	record NewContact(String country, String kind, String name, String phone, String email, String website,
			String languages, String hours) {

		static final NewContact EMPTY = new NewContact("", "", "", "", "", "", "", "");

		ReferralContacts.Draft draft() {
			List<String> codes = languages == null ? List.of()
					: Arrays.stream(languages.split("[\\s,]+")).filter(l -> !l.isBlank()).toList();
			return new ReferralContacts.Draft(country, kind, name, phone, email, website, codes, hours);
		}
	}
}
