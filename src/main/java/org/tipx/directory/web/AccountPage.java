package org.tipx.directory.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tipx.directory.internal.AccountAdministration;
import org.tipx.directory.internal.AccountView;
import org.tipx.directory.internal.DirectorySettings;
import org.tipx.directory.internal.OrganisationRegistry;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * One account, for those who manage it: its state, and the forms that change its roles, reset its password, lift a
 * lockout, and deactivate or reactivate it. Accounts are never deleted. The role rules are the API's: ADMIN changes
 * any account; ORG_ADMIN only its own organisation's, never one holding ADMIN, and never grants ADMIN. A changed
 * role takes effect on the owner's next request without ending their session (ADR 0014).
 */
@Controller
@RequestMapping("/admin/accounts/{id}")
@Allowed.Administrators
class AccountPage {

	private static final String VIEW = "admin/account";

	private final AccountAdministration administration;

	private final OrganisationRegistry registry;

	private final DirectorySettings settings;

	AccountPage(AccountAdministration administration, OrganisationRegistry registry, DirectorySettings settings) {
		this.administration = administration;
		this.registry = registry;
		this.settings = settings;
	}

	@GetMapping
	String account(@PathVariable UUID id, Model model) {
		model.addAttribute("reset", new Reset(""));
		model.addAttribute("deactivation", new Deactivation(""));
		AccountView account = administration.view(Callers.current(), id);
		model.addAttribute("roleChange", RoleChange.of(account));
		return show(account, model);
	}

	@PostMapping("/roles")
	String changeRoles(@PathVariable UUID id, @ModelAttribute("roleChange") RoleChange form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		try {
			AccountView account = administration.changeRoles(Callers.current(), id,
					Roles.parse(form.roles() == null ? List.of() : form.roles()));
			return done(redirect, id, "administration.account.rolesChanged", account);
		}
		catch (InvalidInputException | ConflictException | ForbiddenException refused) {
			Refusal.showOn(result, "administration.account", refused);
			model.addAttribute("reset", new Reset(""));
			model.addAttribute("deactivation", new Deactivation(""));
			return show(administration.view(Callers.current(), id), model);
		}
	}

	@PostMapping("/password-reset")
	String resetPassword(@PathVariable UUID id, @ModelAttribute("reset") Reset form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		try {
			AccountView account = administration.resetPassword(Callers.current(), id, form.temporaryPassword());
			return done(redirect, id, "account.passwordReset", account);
		}
		catch (InvalidInputException | ConflictException | ForbiddenException refused) {
			Refusal.showOn(result, "account", refused, settings.passwordMinLength());
			model.addAttribute("deactivation", new Deactivation(""));
			model.addAttribute("roleChange", RoleChange.of(administration.view(Callers.current(), id)));
			return show(administration.view(Callers.current(), id), model);
		}
	}

	@PostMapping("/deactivate")
	String deactivate(@PathVariable UUID id, @ModelAttribute("deactivation") Deactivation form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			AccountView account = administration.deactivate(Callers.current(), id, form.reason());
			return done(redirect, id, "account.deactivated", account);
		}
		catch (InvalidInputException | ConflictException | ForbiddenException refused) {
			Refusal.showOn(result, "account", refused);
			model.addAttribute("reset", new Reset(""));
			model.addAttribute("roleChange", RoleChange.of(administration.view(Callers.current(), id)));
			return show(administration.view(Callers.current(), id), model);
		}
	}

	@PostMapping("/reactivate")
	String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		return done(redirect, id, "account.reactivated", administration.reactivate(Callers.current(), id));
	}

	/**
	 * Lifts a lockout; {@code back=list} returns to the list of accounts the form was on, with its search and page.
	 */
	@PostMapping("/unlock")
	String unlock(@PathVariable UUID id, @RequestParam(defaultValue = "account") String back,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			RedirectAttributes redirect) {
		AccountView account = administration.unlock(Callers.current(), id);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("account.unlocked", account.username()));
		if (!"list".equals(back)) {
			return "redirect:/admin/accounts/" + id;
		}
		String list = UriComponentsBuilder.fromPath("/admin/accounts")
				.queryParamIfPresent("q", Optional.ofNullable(q).filter(text -> !text.isBlank()))
				.queryParamIfPresent("page", Optional.ofNullable(page).filter(text -> text.matches("[0-9]{1,6}")))
				.encode().build().toUriString();
		return "redirect:" + list;
	}

	/** Someone else's organisation's account, or none: the same answer, so its existence is not confirmed. */
	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	@ExceptionHandler(ForbiddenException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.FORBIDDEN.value());
	}

	private String show(AccountView account, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("organisation", registry.get(account.organisationId()).name());
		model.addAttribute("minLength", settings.passwordMinLength());
		model.addAttribute("grantable", Roles.grantableBy(Callers.current()));
		model.addAttribute("awaiting", Roles.AWAITING_MODULE);
		return VIEW;
	}

	private static String done(RedirectAttributes redirect, UUID id, String noticeKey, AccountView account) {
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of(noticeKey, account.username()));
		return "redirect:/admin/accounts/" + id;
	}

	/** The form that sets a temporary password. */
	record Reset(String temporaryPassword) {
	}

	/** The form that sets an account's roles: the boxes ticked are the roles it will hold. */
	record RoleChange(List<String> roles) {

		static RoleChange of(AccountView account) {
			return new RoleChange(account.roles().stream().map(Enum::name).toList());
		}
	}

	/** The form that deactivates, with the reason on record. */
	record Deactivation(String reason) {
	}
}
