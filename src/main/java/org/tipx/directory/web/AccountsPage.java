package org.tipx.directory.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.directory.Organisation;
import org.tipx.directory.Role;
import org.tipx.directory.internal.AccountAdministration;
import org.tipx.directory.internal.AccountView;
import org.tipx.directory.internal.DirectorySettings;
import org.tipx.directory.internal.NewAccount;
import org.tipx.directory.internal.OrganisationRegistry;
import org.tipx.directory.security.TipxPrincipal;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * The accounts an administrator manages (ADMIN: all; ORG_ADMIN: their organisation's), with their lock state, and
 * the form that opens a new one.
 */
@Controller
@RequestMapping("/admin/accounts")
@Allowed.Administrators
class AccountsPage {

	private static final String VIEW = "admin/accounts";

	private final AccountAdministration administration;

	private final OrganisationRegistry registry;

	private final DirectorySettings settings;

	AccountsPage(AccountAdministration administration, OrganisationRegistry registry, DirectorySettings settings) {
		this.administration = administration;
		this.registry = registry;
		this.settings = settings;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("opening", Opening.EMPTY);
		return show(model);
	}

	@PostMapping
	String open(@ModelAttribute("opening") Opening form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		UUID organisation = parseId(form.organisationId());
		List<String> roleNames = form.roles() == null ? List.of() : form.roles();
		try {
			AccountView opened = administration.open(Callers.current(), new NewAccount(form.username(),
					form.displayName(), form.password(), organisation, Roles.parse(roleNames)));
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("accounts.opened", opened.username()));
			return "redirect:/admin/accounts";
		}
		catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
			Refusal.showOn(result, "accounts", refused, settings.passwordMinLength());
			return show(model);
		}
	}

	private String show(Model model) {
		TipxPrincipal caller = Callers.current();
		List<Organisation> organisations = caller.has(Role.ADMIN) ? registry.all()
				: List.of(registry.get(caller.organisationId()));
		Map<UUID, String> names = registry.all().stream()
				.collect(Collectors.toMap(o -> o.id().value(), Organisation::name, (a, b) -> a));
		model.addAttribute("accounts", administration.manageable(caller).stream()
				.map(a -> new AccountRow(a, names.getOrDefault(a.organisationId(), ""))).toList());
		model.addAttribute("organisations", organisations);
		model.addAttribute("grantable", grantableBy(caller));
		model.addAttribute("minLength", settings.passwordMinLength());
		return VIEW;
	}

	/** An ORG_ADMIN may not grant ADMIN, so is not offered it. */
	private static List<Role> grantableBy(TipxPrincipal caller) {
		return Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN || caller.has(Role.ADMIN)).toList();
	}

	/** Null for a missing or malformed id; the directory then says the organisation is required. */
	private static UUID parseId(String id) {
		try {
			return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The form that opens an account. */
	record Opening(String username, String displayName, String password, String organisationId, List<String> roles) {

		static final Opening EMPTY = new Opening("", "", "", "", List.of());
	}

	/** A listed account with its organisation's name. */
	record AccountRow(AccountView account, String organisation) {
	}
}
