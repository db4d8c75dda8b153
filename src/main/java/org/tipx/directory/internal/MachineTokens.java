package org.tipx.directory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.MachineScope;
import org.tipx.directory.Role;
import org.tipx.directory.security.TipxPrincipal;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * Integration tokens of an organisation, limited to scopes that modules declare. Issued and revoked by the
 * organisation's ORG_ADMIN (or ADMIN); a person revokes their own personal tokens.
 */
@Service
public class MachineTokens {

	/**
	 * Reading the Prometheus metrics. They describe the whole installation, not one organisation, so only an ADMIN may
	 * grant this scope.
	 */
	public static final MachineScope METRICS_READ = new MachineScope("metrics:read",
			"Read the installation's Prometheus metrics at /actuator/prometheus (granted by an ADMIN only)");

	private final TokenIssuer issuer;

	private final TokenStore tokens;

	private final Map<String, MachineScope> scopes;

	private final DirectorySettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	MachineTokens(TokenIssuer issuer, TokenStore tokens, List<MachineScope> declared, DirectorySettings settings,
			AuditTrail audit, Clock clock) {
		this.issuer = issuer;
		this.tokens = tokens;
		this.scopes = declared.stream().collect(Collectors.toMap(MachineScope::id, Function.identity()));
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	public List<MachineScope> declaredScopes() {
		return scopes.values().stream().sorted(java.util.Comparator.comparing(MachineScope::id)).toList();
	}

	@Transactional
	public IssuedToken issue(TipxPrincipal caller, String name, List<String> requestedScopes, Instant expiresAt) {
		requireOrgAdmin(caller);
		String cleanName = name == null ? "" : name.strip();
		if (!cleanName.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}")) {
			throw new InvalidInputException("name", "is required: 1-80 letters, digits, spaces, '.', '_' or '-'");
		}
		if (requestedScopes == null || requestedScopes.isEmpty()) {
			throw new InvalidInputException("scopes", "at least one scope is required, from " + scopes.keySet());
		}
		Set<String> granted = new LinkedHashSet<>();
		for (int i = 0; i < requestedScopes.size(); i++) {
			String scope = requestedScopes.get(i);
			if (scope == null || !scopes.containsKey(scope)) {
				throw new InvalidInputException("scopes[" + i + "]",
						"'" + scope + "' is not a declared scope; declared: " + scopes.keySet());
			}
			if (scope.equals(METRICS_READ.id()) && !caller.has(Role.ADMIN)) {
				audit.record(AuditRecord.denied("token.issue", "api_token", null, "only ADMIN may grant " + scope));
				throw new ForbiddenException(
						"only an ADMIN may grant '" + scope + "': metrics describe the whole installation");
			}
			granted.add(scope);
		}
		Instant now = clock.instant();
		Instant expiry = expiresAt == null ? now.plus(java.time.Duration.ofDays(90)) : expiresAt;
		if (!expiry.isAfter(now) || expiry.isAfter(now.plus(settings.machineTokenMaxTtl()))) {
			throw new InvalidInputException("expiresAt",
					"must be in the future and at most " + settings.machineTokenMaxTtl().toDays() + " days ahead");
		}
		IssuedToken token = issuer.issueMachine(caller.organisationId(), cleanName, granted, expiry, caller.account());
		audit.record(AuditRecord.success("token.issue", "api_token", token.id())
				.withDetail("machine token '" + cleanName + "' scopes=" + granted + " expires=" + expiry));
		return token;
	}

	public List<StoredToken> ofOrganisation(TipxPrincipal caller) {
		requireOrgAdmin(caller);
		return tokens.machineTokensOf(caller.organisationId());
	}

	/** Revokes a machine token of the caller's organisation, or a personal token of the caller. */
	@Transactional
	public void revoke(TipxPrincipal caller, UUID tokenId) {
		StoredToken token = tokens.find(tokenId).orElseThrow(() -> new NotFoundException("token " + tokenId));
		boolean own = token.kind() == StoredToken.Kind.PERSONAL && tokenId.equals(caller.tokenId())
				|| token.accountId() != null && token.accountId().equals(caller.account());
		boolean orgAdmin = caller.has(Role.ADMIN) || caller.has(Role.ORG_ADMIN)
				&& token.organisationId().equals(caller.organisationId());
		if (!own && !orgAdmin) {
			throw new NotFoundException("token " + tokenId);
		}
		tokens.revoke(tokenId, clock.instant());
		audit.record(AuditRecord.success("token.revoke", "api_token", tokenId));
	}

	private static void requireOrgAdmin(TipxPrincipal caller) {
		if (!caller.has(Role.ADMIN) && !caller.has(Role.ORG_ADMIN)) {
			throw new ForbiddenException("only ADMIN or ORG_ADMIN may manage machine tokens");
		}
	}
}
