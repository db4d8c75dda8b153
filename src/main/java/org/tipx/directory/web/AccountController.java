package org.tipx.directory.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.directory.internal.AccountAdministration;
import org.tipx.directory.internal.AccountView;
import org.tipx.directory.internal.NewAccount;
import org.tipx.shared.Allowed;

/**
 * Accounts, managed by ADMIN (all) and ORG_ADMIN (their own organisation's).
 */
@RestController
@RequestMapping("/api/v1/users")
@Allowed.Administrators
@Tag(name = "users")
class AccountController {

	private final AccountAdministration administration;

	AccountController(AccountAdministration administration) {
		this.administration = administration;
	}

	@PostMapping
	@Operation(summary = "Open an account; its owner must change the initial password at first login; duplicate username gives 409")
	ResponseEntity<AccountView> open(@RequestBody OpenAccount request) {
		AccountView created = administration.open(Callers.current(), new NewAccount(request.username(),
				request.displayName(), request.password(), request.organisationId(), Roles.parse(request.roles())));
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "The accounts the caller may manage")
	List<AccountView> list() {
		return administration.manageable(Callers.current());
	}

	@GetMapping("/{id}")
	AccountView get(@PathVariable UUID id) {
		return administration.view(Callers.current(), id);
	}

	@PostMapping("/{id}/deactivate")
	AccountView deactivate(@PathVariable UUID id, @RequestBody Reason request) {
		return administration.deactivate(Callers.current(), id, request.reason());
	}

	@PostMapping("/{id}/reactivate")
	AccountView reactivate(@PathVariable UUID id) {
		return administration.reactivate(Callers.current(), id);
	}

	@PostMapping("/{id}/password-reset")
	@Operation(summary = "Set a temporary password the owner must change at next login")
	AccountView resetPassword(@PathVariable UUID id, @RequestBody PasswordReset request) {
		return administration.resetPassword(Callers.current(), id, request.temporaryPassword());
	}

	@PostMapping("/{id}/unlock")
	AccountView unlock(@PathVariable UUID id) {
		return administration.unlock(Callers.current(), id);
	}

	@PutMapping("/{id}/roles")
	@Operation(summary = "Set the roles; ORG_ADMIN only in its own organisation and never ADMIN; takes effect on the owner's next request")
	AccountView roles(@PathVariable UUID id, @RequestBody RoleChange request) {
		return administration.changeRoles(Callers.current(), id, Roles.parse(request.roles()));
	}

	record OpenAccount(String username, String displayName, String password, UUID organisationId, List<String> roles) {
	}

	record Reason(String reason) {
	}

	record PasswordReset(String temporaryPassword) {
	}

	record RoleChange(List<String> roles) {
	}
}
