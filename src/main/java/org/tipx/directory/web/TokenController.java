package org.tipx.directory.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.directory.MachineScope;
import org.tipx.directory.internal.IssuedToken;
import org.tipx.directory.internal.MachineTokens;
import org.tipx.directory.internal.StoredToken;
import org.tipx.shared.Allowed;

/**
 * Machine tokens for an organisation's integrations, with scopes declared by modules.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "tokens")
class TokenController {

	private final MachineTokens machineTokens;

	TokenController(MachineTokens machineTokens) {
		this.machineTokens = machineTokens;
	}

	@GetMapping("/scopes")
	@Allowed.Administrators
	List<MachineScope> scopes() {
		return machineTokens.declaredScopes();
	}

	@PostMapping
	@Allowed.Administrators
	@Operation(summary = "Issue a machine token for the caller's organisation; the secret is shown only in this answer")
	ResponseEntity<IssuedJson> issue(@RequestBody NewMachineToken request) {
		IssuedToken token = machineTokens.issue(Callers.current(), request.name(), request.scopes(), request.expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
				.body(new IssuedJson(token.id(), token.secret(), token.expiresAt()));
	}

	@GetMapping
	@Allowed.Administrators
	List<TokenJson> list() {
		return machineTokens.ofOrganisation(Callers.current()).stream().map(TokenJson::of).toList();
	}

	@DeleteMapping("/{id}")
	@Allowed.Person
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		machineTokens.revoke(Callers.current(), id);
		return ResponseEntity.noContent().build();
	}

	record NewMachineToken(String name, List<String> scopes, Instant expiresAt) {
	}

	record IssuedJson(UUID id, String token, Instant expiresAt) {
	}

	record TokenJson(UUID id, String name, Set<String> scopes, Instant createdAt, Instant expiresAt, Instant revokedAt,
			Instant lastUsedAt) {

		static TokenJson of(StoredToken t) {
			return new TokenJson(t.id(), t.name(), t.scopes(), t.createdAt(), t.expiresAt(), t.revokedAt(),
					t.lastUsedAt());
		}
	}
}
