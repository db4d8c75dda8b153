package org.tipx.screening.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipx.screening.internal.Letters;
import org.tipx.screening.internal.ScreeningCatalogue;
import org.tipx.shared.Countries;

/**
 * The public page a border officer reaches from a letter's QR code or by typing its code: whether the letter is
 * genuine, current or withdrawn, who issued it and when, and the measures it states. No personal data, no login.
 */
@Controller
@RequestMapping("/verify")
class VerifyPage {

	private final Letters letters;

	private final ScreeningCatalogue catalogue;

	VerifyPage(Letters letters, ScreeningCatalogue catalogue) {
		this.letters = letters;
		this.catalogue = catalogue;
	}

	@GetMapping
	String form(@RequestParam(required = false) String code) {
		if (code != null && !code.isBlank()) {
			return "redirect:/verify/" + code.strip().replaceAll("[^0-9A-Za-z*~$=-]", "");
		}
		return "screening/verify";
	}

	@GetMapping("/{code}")
	String verify(@PathVariable String code, Model model, Locale locale) {
		Letters.Verification verification = letters.verify(code);
		model.addAttribute("verification", verification);
		model.addAttribute("countryName", Countries.name(verification.country(), locale));
		String language = locale.getLanguage().equals("id") ? "id" : "en";
		var rules = catalogue.rules(catalogue.current());
		model.addAttribute("measures", verification.measures().stream().map(m -> rules.text(m, language)).toList());
		return "screening/verify";
	}
}
