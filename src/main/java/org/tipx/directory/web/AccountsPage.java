package org.tipx.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
 * The accounts an administrator manages (ADMIN: all; ORG_ADMIN: their organisation's), with their lock state, searched
 * by username, name, role or organisation and shown a page at a time, under the form that opens a new one. A new
 * account's owner must replace the initial password at first login.
 */
@Controller
@RequestMapping("/admin/accounts")
@Allowed.Administrators
class AccountsPage {

	private static final String VIEW = "admin/accounts";

	private final AccountAdministration administration;

	private final OrganisationRegistry registry;

	static final int PAGE_SIZE = 25;

	private final DirectorySettings settings;

	private final MessageSource messages;

	AccountsPage(AccountAdministration administration, OrganisationRegistry registry, DirectorySettings settings,
			MessageSource messages) {
		this.administration = administration;
		this.registry = registry;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page, Model model,
			Locale locale) {
		model.addAttribute("opening", Opening.EMPTY);
		return show(model, q, page, locale);
	}

	@PostMapping
	String open(@ModelAttribute("opening") Opening form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect) {
		UUID organisation = parseId(form.organisationId());
		List<String> roleNames = form.roles() == null ? List.of() : form.roles();
		try {
			AccountView opened = administration.open(Callers.current(), new NewAccount(form.username(),
					form.displayName(), form.password(), organisation, Roles.parse(roleNames)));
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE,
					Confirmation.of("administration.accounts.openedMustChange", opened.username()));
			return "redirect:/admin/accounts";
		}
		catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException refused) {
			Refusal.showOn(result, "accounts", refused, settings.passwordMinLength());
			return show(model, null, "1", locale);
		}
	}

	private String show(Model model, String query, String pageParameter, Locale locale) {
		TipxPrincipal caller = Callers.current();
		List<Organisation> organisations = caller.has(Role.ADMIN) ? registry.activeOnes()
				: List.of(registry.get(caller.organisationId()));
		Map<UUID, String> names = registry.all().stream()
				.collect(Collectors.toMap(o -> o.id().value(), Organisation::name, (a, b) -> a));
		String q = query == null ? "" : query.strip();
		List<AccountRow> matching = administration.manageable(caller).stream()
				.map(a -> new AccountRow(a, names.getOrDefault(a.organisationId(), "")))
				.filter(row -> q.isEmpty() || matches(row, q.toLowerCase(locale), locale)).toList();
		int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(pages, Math.max(1, parsePage(pageParameter)));
		model.addAttribute("accounts", matching.subList((page - 1) * PAGE_SIZE,
				Math.min(matching.size(), page * PAGE_SIZE)));
		model.addAttribute("matching", matching.size());
		model.addAttribute("q", q);
		model.addAttribute("page", page);
		model.addAttribute("pages", pages);
		model.addAttribute("organisations", organisations);
		model.addAttribute("grantable", Roles.grantableBy(caller));
		model.addAttribute("awaiting", Roles.AWAITING_MODULE);
		model.addAttribute("minLength", settings.passwordMinLength());
		return VIEW;
	}

	/** A word of the username, full name, organisation, or a role by its code or its name in the page language. */
	private boolean matches(AccountRow row, String q, Locale locale) {
		AccountView a = row.account();
		if (a.username().contains(q) || row.organisation().toLowerCase(locale).contains(q)
				|| (a.displayName() != null && a.displayName().toLowerCase(locale).contains(q))) {
			return true;
		}
		return a.roles().stream().anyMatch(r -> r.name().toLowerCase(Locale.ROOT).equals(q.replace(' ', '_'))
				|| messages.getMessage("role." + r.name(), null, r.name(), locale).toLowerCase(locale).contains(q));
	}

	private static int parsePage(String page) {
		try {
			return Integer.parseInt(page.strip());
		}
		catch (NumberFormatException e) {
			return 1;
		}
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
