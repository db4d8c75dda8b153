package org.tipx.directory.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.internal.IssuedToken;
import org.tipx.directory.internal.LoginRefused;
import org.tipx.directory.internal.MachineTokens;
import org.tipx.directory.internal.PasswordLogin;
import org.tipx.directory.internal.StoredAccount;
import org.tipx.directory.internal.TokenIssuer;
import org.tipx.shared.InvalidInputException;

/**
 * Exchanges a username and password for a personal bearer token, and revokes the token in use.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
class AuthController {

	private final PasswordLogin login;

	private final TokenIssuer issuer;

	private final MachineTokens machineTokens;

	private final AuditTrail audit;

	AuthController(PasswordLogin login, TokenIssuer issuer, MachineTokens machineTokens, AuditTrail audit) {
		this.login = login;
		this.issuer = issuer;
		this.machineTokens = machineTokens;
		this.audit = audit;
	}

	@PostMapping("/token")
	@Operation(summary = "Log in: returns a bearer token valid for 12 hours by default")
	TokenResponse token(@RequestBody Credentials credentials) {
		if (credentials.username() == null || credentials.username().isBlank()) {
			throw new InvalidInputException("username", "is required");
		}
		if (credentials.password() == null || credentials.password().isEmpty()) {
			throw new InvalidInputException("password", "is required");
		}
		StoredAccount account = login.authenticate(credentials.username(), credentials.password(), "api");
		IssuedToken token = issuer.issuePersonal(account);
		audit.recordFor(account.username(), account.id(), account.organisationId(),
				AuditRecord.success("token.issue", "api_token", token.id()).withDetail("personal token"));
		return new TokenResponse(token.secret(), token.expiresAt(), account.mustChangePassword());
	}

	@PostMapping("/revoke")
	@Operation(summary = "Log out: revokes the bearer token of this request")
	ResponseEntity<Void> revoke() {
		var caller = Callers.current();
		machineTokens.revoke(caller, caller.tokenId());
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(LoginRefused.class)
	ResponseEntity<ProblemDetail> refused(LoginRefused refused) {
		HttpStatus status = refused.locked() ? HttpStatus.LOCKED : HttpStatus.UNAUTHORIZED;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
		problem.setTitle(refused.locked() ? "Account locked" : "Login failed");
		if (refused.locked()) {
			problem.setProperty("lockedUntil", refused.lockedUntil());
		}
		return ResponseEntity.status(status).body(problem);
	}

	record Credentials(String username, String password) {
	}

	record TokenResponse(String token, Instant expiresAt, boolean passwordChangeRequired) {
	}
}
