package org.tipx.directory.web;

import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.directory.Role;
import org.tipx.directory.internal.AccountAdministration;
import org.tipx.directory.security.TipxPrincipal;

/**
 * The caller's own identity and password. Reachable even when a password change is required.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me")
class MeController {

	private final AccountAdministration administration;

	MeController(AccountAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	Me me() {
		TipxPrincipal caller = Callers.current();
		return new Me(caller.account(), caller.name(), caller.organisationId(), caller.roles(), caller.scopes(),
				caller.machine(), caller.mustChangePassword());
	}

	@PostMapping("/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange request) {
		administration.changeOwnPassword(Callers.current(), request.currentPassword(), request.newPassword());
		return ResponseEntity.noContent().build();
	}

	record Me(UUID id, String username, UUID organisationId, Set<Role> roles, Set<String> scopes, boolean machine,
			boolean passwordChangeRequired) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}
}
