package org.tipx.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.directory.internal.AccountAdministration;
import org.tipx.directory.internal.DirectorySettings;
import org.tipx.directory.security.TipxPrincipal;
import org.tipx.platform.Confirmation;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * A person changes their own password; after an administrator's reset they are sent here before anything else.
 * Once changed, the session carries the person's full roles again.
 */
@Controller
@RequestMapping("/account/password")
class PasswordPage {

	private static final String VIEW = "account/password";

	private final AccountAdministration administration;

	private final DirectorySettings settings;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	PasswordPage(AccountAdministration administration, DirectorySettings settings) {
		this.administration = administration;
		this.settings = settings;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("change", PasswordChange.EMPTY);
		return show(model);
	}

	@PostMapping
	String change(@ModelAttribute("change") PasswordChange change, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (change.newPassword() != null && !change.newPassword().equals(change.repeatedPassword())) {
			result.rejectValue("repeatedPassword", "password.repeatedPassword.rejected");
			return show(model);
		}
		TipxPrincipal caller = Callers.current();
		long stamp;
		try {
			stamp = administration.changeOwnPassword(caller, change.currentPassword(), change.newPassword());
		}
		catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
			Refusal.showOn(result, "password", refused, settings.passwordMinLength());
			return show(model);
		}
		renew(caller.withOwnNewPassword(stamp), request, response);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("password.changed"));
		return "redirect:/";
	}

	private String show(Model model) {
		model.addAttribute("required", Callers.current().mustChangePassword());
		model.addAttribute("minLength", settings.passwordMinLength());
		return VIEW;
	}

	/**
	 * The person proved they chose their own password: this session carries on at the account's new stamp (every other
	 * session ends), with their roles if a temporary password had held them back, in a new session id.
	 */
	private void renew(TipxPrincipal renewed, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renewed, null,
				renewed.authorities()));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		sessions.saveContext(context, request, response);
	}

	/** The password form; the new password is typed twice. */
	record PasswordChange(String currentPassword, String newPassword, String repeatedPassword) {

		static final PasswordChange EMPTY = new PasswordChange("", "", "");
	}
}
