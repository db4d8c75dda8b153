package org.tipx.signals.web;

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
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.Countries;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.alerts.AlertSubscription;
import org.tipx.signals.alerts.AlertSubscriptions;
import org.tipx.signals.internal.Viewers;

/**
 * What the organisation is alerted about, in the browser: its focal points choose it (the same rule and checks as
 * {@code PUT /api/v1/signals/alert-subscription}); a refused field is shown beside the field and nothing is stored.
 */
@Controller
@RequestMapping("/signals/alerts/subscription")
@Allowed.FocalPoint
class AlertSubscriptionPage {

	private static final String VIEW = "signals/alert-subscription";

	private final AlertSubscriptions subscriptions;

	private final Viewers viewers;

	AlertSubscriptionPage(AlertSubscriptions subscriptions, Viewers viewers) {
		this.subscriptions = subscriptions;
		this.viewers = viewers;
	}

	@GetMapping
	String show(Model model, Locale locale) {
		AlertSubscription current = subscriptions.current(viewers.current());
		return show(model, locale, current, SubscriptionForm.of(current));
	}

	@PostMapping
	String set(@ModelAttribute("subscription") SubscriptionForm form, BindingResult result, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			subscriptions.set(viewers.current(), form.choice());
		}
		catch (InvalidInputException refused) {
			FormRefusal.showOn(result, "subscriptions.form", refused);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, locale, subscriptions.current(viewers.current()), form);
		}
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("subscriptions.saved"));
		return "redirect:/signals/alerts/subscription";
	}

	private static String show(Model model, Locale locale, AlertSubscription current, SubscriptionForm form) {
		model.addAttribute("subscription", form);
		model.addAttribute("ownCountry", current.ownCountry());
		model.addAttribute("ownCountryName", Countries.name(current.ownCountry(), locale));
		model.addAttribute("countries", Countries.sorted(locale).stream()
				.filter(c -> !c.code().equals(current.ownCountry())).toList());
		model.addAttribute("categories", Category.values());
		model.addAttribute("tlps", Tlp.values());
		model.addAttribute("digests", AlertSubscription.Digest.values());
		return VIEW;
	}

	/** The form: the countries and categories ticked, the rest as typed or chosen. */
	record SubscriptionForm(List<String> countries, List<String> categories, String minNetworkSize, String tlpFloor,
			String digest) {

		SubscriptionForm {
			countries = countries == null ? List.of() : List.copyOf(countries);
			categories = categories == null ? List.of() : List.copyOf(categories);
		}

		static SubscriptionForm of(AlertSubscription s) {
			return new SubscriptionForm(s.countries().stream().filter(c -> !c.equals(s.ownCountry())).toList(),
					s.categories().stream().map(Enum::name).toList(), Integer.toString(s.minNetworkSize()),
					s.tlpFloor().name(), s.digest().name());
		}

		AlertSubscriptions.Choice choice() {
			Integer size;
			try {
				size = minNetworkSize == null || minNetworkSize.isBlank() ? null
						: Integer.valueOf(minNetworkSize.strip());
			}
			catch (NumberFormatException notANumber) {
				throw new InvalidInputException("minNetworkSize", "must be a whole number, at least 1");
			}
			return new AlertSubscriptions.Choice(countries, categories, size, tlpFloor, digest);
		}
	}
}
