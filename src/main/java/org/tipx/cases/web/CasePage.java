package org.tipx.cases.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.cases.internal.BreakGlass;
import org.tipx.cases.internal.CaseAccess;
import org.tipx.cases.internal.CaseGrant;
import org.tipx.cases.internal.CaseView;
import org.tipx.cases.internal.Cases;
import org.tipx.cases.internal.Codes;
import org.tipx.cases.internal.Consents;
import org.tipx.cases.internal.ReferralView;
import org.tipx.cases.internal.Referrals;
import org.tipx.cases.internal.Timeline;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.OrganisationType;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;

/**
 * One case as the caller may see it: the coded fields in words, the personal fields only where the case grants them,
 * how the caller comes to it (owner, accepted referral, break-glass until a time); the consent panel, where the
 * owner's case workers record a new version; the referrals, with the form to refer the case; the timeline of
 * everything that happened (owner and break-glass readers). A case the caller may not see answers the 404 page.
 */
@Controller
@RequestMapping("/cases/{id}")
@Allowed.CaseWorkers
class CasePage {

	private static final String VIEW = "cases/case";

	private final Cases cases;

	private final Consents consents;

	private final Referrals referrals;

	private final BreakGlass breakGlass;

	private final Timeline timeline;

	private final CaseAccess access;

	private final Directory directory;

	CasePage(Cases cases, Consents consents, Referrals referrals, BreakGlass breakGlass, Timeline timeline,
			CaseAccess access, Directory directory) {
		this.cases = cases;
		this.consents = consents;
		this.referrals = referrals;
		this.breakGlass = breakGlass;
		this.timeline = timeline;
		this.access = access;
		this.directory = directory;
	}

	/**
	 * The referral form as typed; share personal as {@code true}/{@code false}. Its note is {@code referralNote}, as
	 * the consent form on the same page has a note of its own.
	 */
	record ReferralForm(String toOrganisationId, List<String> services, String sharePersonal, String referralNote,
			String consentOverride) {

		static ReferralForm empty() {
			return new ReferralForm("", List.of(), "false", "", "");
		}

		Referrals.NewReferral referral() {
			UUID to;
			try {
				to = toOrganisationId == null || toOrganisationId.isBlank() ? null : UUID.fromString(toOrganisationId);
			}
			catch (IllegalArgumentException e) {
				to = null;
			}
			return new Referrals.NewReferral(to, services == null ? List.of() : services,
					NewCasePage.yes(sharePersonal), NewCasePage.blank(referralNote), NewCasePage.blank(consentOverride));
		}
	}

	@GetMapping
	String show(@PathVariable UUID id, Model model, Locale locale) {
		CaseView view = cases.read(actor(), id);
		return page(view, model, locale, null, null);
	}

	@PostMapping("/consent")
	String changeConsent(@PathVariable UUID id, @ModelAttribute("consent") ConsentPanel form, BindingResult result,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Consents.WithHistory changed = consents.change(actor(), id, form.change());
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
					Confirmation.of("cases.consent.recorded", String.valueOf(changed.inForce().version())));
			return "redirect:/cases/" + id + "#consent";
		}
		catch (InvalidInputException refused) {
			CaseFormRefusal.showOn(result, "consent", refused, field -> field);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return page(cases.read(actor(), id), model, locale, form, null);
	}

	@PostMapping("/referrals")
	String refer(@PathVariable UUID id, @ModelAttribute("referral") ReferralForm form, BindingResult result,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			ReferralView sent = referrals.send(actor(), id, form.referral());
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
					Confirmation.of("cases.referral.sent", sent.toOrganisationName()));
			return "redirect:/cases/" + id + "#referrals";
		}
		catch (InvalidInputException refused) {
			CaseFormRefusal.showOn(result, "referral", refused, field -> "note".equals(field) ? "referralNote" : field);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		catch (ConflictException refused) {
			CaseFormRefusal.showOn(result, "referral", refused, field -> field);
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		return page(cases.read(actor(), id), model, locale, null, form);
	}

	private String page(CaseView view, Model model, Locale locale, ConsentPanel consentForm,
			ReferralForm referralForm) {
		Actor actor = actor();
		CaseGrant grant = access.grant(actor, view.id());
		Consents.WithHistory consent = consents.read(actor, view.id());
		List<ReferralView> shown = referrals.ofCase(actor, view.id());
		model.addAttribute("caseView", view);
		model.addAttribute("grant", grant);
		model.addAttribute("consentInForce", consent.inForce());
		model.addAttribute("consentHistory", consent.history());
		model.addAttribute("referrals", shown);
		model.addAttribute("canWork", grant.work());
		model.addAttribute("canRecordConsent", grant.owner() && (grant.work() || grant.supervise()));
		model.addAttribute("canRefer", grant.owner() && (grant.work() || grant.supervise())
				&& "OPEN".equals(view.status()));
		model.addAttribute("supervisor", grant.supervise());
		model.addAttribute("consentRefused", consentForm != null);
		model.addAttribute("referralRefused", referralForm != null);
		if (!model.containsAttribute("consent")) {
			model.addAttribute("consent", consentForm != null ? consentForm
					: ConsentPanel.of(consent.inForce(), locale.getLanguage()));
		}
		if (!model.containsAttribute("referral")) {
			model.addAttribute("referral", referralForm != null ? referralForm : ReferralForm.empty());
		}
		model.addAttribute("organisationTypes", OrganisationType.names());
		model.addAttribute("services", Codes.SERVICES);
		model.addAttribute("targets", directory.organisations().stream()
				.filter(o -> !o.id().value().equals(actor.organisationId()))
				.sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList());
		if (grant.timeline()) {
			List<Timeline.Entry> entries = timeline.of(view.id());
			model.addAttribute("timeline", entries);
			model.addAttribute("organisationNames", names(entries));
		}
		model.addAttribute("breakGlass", grant.owner() ? breakGlass.of(view.id()) : List.of());
		return VIEW;
	}

	private Map<UUID, String> names(List<Timeline.Entry> entries) {
		Map<UUID, String> names = new HashMap<>();
		for (Timeline.Entry entry : entries) {
			if (entry.organisationId() != null && !names.containsKey(entry.organisationId())) {
				names.put(entry.organisationId(), directory.organisation(new OrganisationId(entry.organisationId()))
						.map(Organisation::name).orElse(""));
			}
		}
		return names;
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}
}
