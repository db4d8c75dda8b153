package org.tipx.cases.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.cases.internal.CaseDetails;
import org.tipx.cases.internal.CaseView;
import org.tipx.cases.internal.Cases;
import org.tipx.cases.internal.Codes;
import org.tipx.cases.internal.Consents;
import org.tipx.cases.internal.PersonalFields;
import org.tipx.directory.OrganisationType;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.Countries;
import org.tipx.shared.InvalidInputException;

/**
 * Opening a case by hand (a person who was never screened, a family's report): the coded fields with pickers, the
 * personal fields, and the consent given at that moment. Goes through the same service and rules as
 * {@code POST /api/v1/cases}; a refusal is shown beside its fields.
 */
@Controller
@RequestMapping("/cases/new")
@Allowed.CaseWorker
class NewCasePage {

	private static final String VIEW = "cases/new";

	private final Cases cases;

	NewCasePage(Cases cases) {
		this.cases = cases;
	}

	/** The form as typed; dates as {@code yyyy-MM-dd}; yes/no answers as {@code true}/{@code false}. */
	record NewCaseForm(String traffickingStatus, List<String> recruitmentMethods, String recruitmentPlatform,
			List<String> meansOfControl, List<String> exploitationTypes, String nationality,
			List<String> transitCountries, List<String> exploitationCountries, String ageBand, String gender,
			String recruitedOn, String exploitationBeganOn, String exitedOn, String fullName, String otherNames,
			String dateOfBirth, String documents, String contacts, String addresses, String familyContact,
			String ownAccounts, String assistance, String referral, List<String> referralTypes,
			String shareWithCountryOfNationality, String research, String explainedIn, String note) {

		static NewCaseForm empty(String language) {
			return new NewCaseForm("PRESUMED", List.of(), "", List.of(), List.of(), "", List.of(), List.of(), "", "",
					"", "", "", "", "", "", "", "", "", "", "", "", "", List.of(), "", "", language, "");
		}
	}

	@GetMapping
	String form(Model model, Locale locale) {
		model.addAttribute("newCase", NewCaseForm.empty(locale.getLanguage()));
		return show(model, locale);
	}

	@PostMapping
	String open(@ModelAttribute("newCase") NewCaseForm form, BindingResult result, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		LocalDate recruitedOn = date(form.recruitedOn(), "recruitedOn", result);
		LocalDate beganOn = date(form.exploitationBeganOn(), "exploitationBeganOn", result);
		LocalDate exitedOn = date(form.exitedOn(), "exitedOn", result);
		LocalDate born = date(form.dateOfBirth(), "dateOfBirth", result);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, locale);
		}
		PersonalFields personal = new PersonalFields(form.fullName(), form.otherNames(), born, form.documents(),
				form.contacts(), form.addresses(), form.familyContact(), form.ownAccounts());
		CaseDetails details = new CaseDetails(blank(form.traffickingStatus()), form.recruitmentMethods(),
				blank(form.recruitmentPlatform()), form.meansOfControl(), form.exploitationTypes(), null,
				blank(form.nationality()), form.transitCountries(), form.exploitationCountries(), blank(form.ageBand()),
				blank(form.gender()), recruitedOn, beganOn, exitedOn, personal);
		Consents.Change consent = new Consents.Change(yes(form.assistance()),
				ConsentPanel.referral(form.referral(), form.referralTypes()), yes(form.shareWithCountryOfNationality()),
				yes(form.research()), blank(form.explainedIn()), null, blank(form.note()));
		CaseView opened;
		try {
			opened = cases.open(Actor.current().orElseThrow(), new Cases.NewCase(details, consent));
		}
		catch (InvalidInputException refused) {
			CaseFormRefusal.showOn(result, "new", refused, NewCasePage::formField);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, locale);
		}
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("cases.new.opened", opened.reference()));
		return "redirect:/cases/" + opened.id();
	}

	/** {@code personal.dateOfBirth} is the form's {@code dateOfBirth}; {@code consent.referral} its {@code referral}. */
	static String formField(String field) {
		return field.replaceFirst("^(personal|consent)\\.", "");
	}

	private static String show(Model model, Locale locale) {
		model.addAttribute("countries", Countries.sorted(locale));
		model.addAttribute("statuses", Codes.TRAFFICKING_STATUS);
		model.addAttribute("methods", Codes.RECRUITMENT_METHODS);
		model.addAttribute("platforms", Codes.PLATFORMS);
		model.addAttribute("meansOfControl", Codes.MEANS_OF_CONTROL);
		model.addAttribute("exploitationTypes", Codes.EXPLOITATION_TYPES);
		model.addAttribute("ageBands", Codes.AGE_BANDS);
		model.addAttribute("genders", Codes.GENDERS);
		model.addAttribute("organisationTypes", OrganisationType.names());
		return VIEW;
	}

	private static LocalDate date(String value, String field, BindingResult result) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			result.rejectValue(field, "cases.new.date.rejected", "must be a date such as 2026-03-31");
			return null;
		}
	}

	static Boolean yes(String value) {
		return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
	}

	static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
