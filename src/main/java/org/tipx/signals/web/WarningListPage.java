package org.tipx.signals.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.correlation.Curation;
import org.tipx.signals.correlation.WarningList;

/**
 * The warning list: values that never link (mass platforms, shorteners, support numbers). Whoever may read signals
 * sees it; administrators add and remove entries, as through {@code /api/v1/signals/warning-list}.
 */
@Controller
@RequestMapping("/signals/warning-list")
class WarningListPage {

	private static final String VIEW = "signals/warning-list";

	private final WarningList warningList;

	private final Curation curation;

	WarningListPage(WarningList warningList, Curation curation) {
		this.warningList = warningList;
		this.curation = curation;
	}

	@GetMapping
	@Allowed.SignalReadersAndAdmin
	String list(Model model) {
		model.addAttribute("entry", new NewEntry("", "", ""));
		return show(model);
	}

	@PostMapping
	@Allowed.Admin
	String add(@ModelAttribute("entry") NewEntry form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		WarningList.Entry added;
		try {
			added = curation.addWarning(Actor.current().map(Actor::name).orElse("unknown"), form.type(), form.value(),
					form.note());
		}
		catch (InvalidInputException refused) {
			FormRefusal.showOn(result, "signals.warning", refused);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model);
		}
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.warning.added", added.canonical()));
		return "redirect:/signals/warning-list";
	}

	@PostMapping("/remove")
	@Allowed.Admin
	String remove(@RequestParam String type, @RequestParam String value, RedirectAttributes redirect) {
		curation.removeWarning(type, value);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.warning.removed", value));
		return "redirect:/signals/warning-list";
	}

	private String show(Model model) {
		model.addAttribute("entries", warningList.all());
		model.addAttribute("types", IndicatorType.wireNames());
		model.addAttribute("curator", PageRoles.has("ADMIN"));
		return VIEW;
	}

	/** The form that lists a value: its type, the value, and why it never links. */
	record NewEntry(String type, String value, String note) {
	}
}
