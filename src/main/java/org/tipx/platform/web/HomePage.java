package org.tipx.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: one card per role the person holds, saying what that role can do in tipx today and what is coming.
 */
@Controller
class HomePage {

	private final TaskCatalogue catalogue;

	HomePage(TaskCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("cards", catalogue.cards(TaskCatalogue.currentRoles()));
		return "home";
	}
}
