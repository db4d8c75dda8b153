package org.tipx.directory.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipx.shared.Actor;

/**
 * The login page. Spring Security checks the form it sends ({@code POST /login}) and comes back here with
 * {@code ?error}, {@code ?locked} or {@code ?logout}; a session ended because the account changed comes with
 * {@code ?ended}.
 */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
			@RequestParam(required = false) String logout, @RequestParam(required = false) String ended, Model model) {
		if (Actor.current().isPresent() && error == null && locked == null) {
			return "redirect:/";
		}
		if (locked != null) {
			model.addAttribute("problem", "login.locked");
		}
		else if (error != null) {
			model.addAttribute("problem", "login.failed");
		}
		model.addAttribute("loggedOut", logout != null);
		model.addAttribute("ended", ended != null);
		return "login";
	}
}
