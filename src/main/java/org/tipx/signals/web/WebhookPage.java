package org.tipx.signals.web;

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
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.sharing.Webhooks;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.internal.Viewers;

/**
 * The organisation's alert webhook, kept by its admin (the same rule as {@code /api/v1/signals/webhook}): where
 * alerts are posted, the delivery failures to look into, abandoned deliveries to retry, and registering, replacing or removing the address. A new
 * signing secret is shown once, on the page that answers the registration, and never stored in the session.
 */
@Controller
@RequestMapping("/signals/webhook")
@Allowed.Administrators
class WebhookPage {

	private static final String VIEW = "signals/webhook";

	private final Webhooks webhooks;

	private final Viewers viewers;

	WebhookPage(Webhooks webhooks, Viewers viewers) {
		this.webhooks = webhooks;
		this.viewers = viewers;
	}

	@GetMapping
	String status(Model model) {
		model.addAttribute("registration", new Registration(""));
		return show(viewers.current().organisationId(), model);
	}

	@PostMapping
	String register(@ModelAttribute("registration") Registration form, BindingResult result, Model model,
			HttpServletResponse response) {
		Viewer viewer = viewers.current();
		try {
			model.addAttribute("registered", webhooks.register(viewer.organisationId(), viewer.accountId(), form.url()));
			model.addAttribute("registration", new Registration(""));
		}
		catch (InvalidInputException refused) {
			FormRefusal.showOn(result, "signals.webhook", refused);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(viewer.organisationId(), model);
	}

	@PostMapping("/remove")
	String remove(RedirectAttributes redirect) {
		webhooks.remove(viewers.current().organisationId());
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.webhook.removed"));
		return "redirect:/signals/webhook";
	}

	@PostMapping("/abandoned/{alertId}/retry")
	String retry(@PathVariable UUID alertId, RedirectAttributes redirect) {
		webhooks.retry(viewers.current().organisationId(), alertId);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.webhook.retried"));
		return "redirect:/signals/webhook";
	}

	private String show(UUID organisationId, Model model) {
		model.addAttribute("abandoned", AlertWebhook.abandoned(webhooks.abandoned(organisationId)));
		try {
			model.addAttribute("webhook", AlertWebhook.of(webhooks.status(organisationId)));
		}
		catch (NotFoundException none) {
			model.addAttribute("webhook", null);
		}
		return VIEW;
	}

	/** The registration form. */
	record Registration(String url) {
	}
}
