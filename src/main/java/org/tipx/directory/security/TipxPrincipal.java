package org.tipx.directory.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.tipx.directory.Role;
import org.tipx.shared.Actor;

/**
 * The authenticated caller: a person (with roles) or an organisation's machine token (with scopes only). A person who
 * must change their password holds no authority but that.
 *
 * @param tokenId       the API token used, or null for a browser session
 * @param securityStamp for a browser session, the account's security stamp at login: once the account's stamp has
 *                      moved on (deactivation, a password reset by an administrator) the session ends
 */
public record TipxPrincipal(UUID account, String name, UUID organisationId, Set<Role> roles, Set<String> scopes,
		boolean mustChangePassword, UUID tokenId, long securityStamp) implements Actor {

	/** Authority held by every person who may use tipx normally. */
	public static final String ACCOUNT = "ACCOUNT";

	public TipxPrincipal {
		roles = Set.copyOf(roles);
		scopes = Set.copyOf(scopes);
	}

	/** A caller that is not a browser session: tokens are checked against the account on every use instead. */
	public TipxPrincipal(UUID account, String name, UUID organisationId, Set<Role> roles, Set<String> scopes,
			boolean mustChangePassword, UUID tokenId) {
		this(account, name, organisationId, roles, scopes, mustChangePassword, tokenId, 0);
	}

	/** Whether this is a person's browser session (neither a personal nor a machine token). */
	public boolean session() {
		return account != null && tokenId == null;
	}

	/** The same caller with the account's current roles and password state. */
	public TipxPrincipal withAccountState(Set<Role> currentRoles, boolean currentMustChangePassword) {
		return new TipxPrincipal(account, name, organisationId, currentRoles, scopes, currentMustChangePassword, tokenId,
				securityStamp);
	}

	/** The same caller after changing their own password: roles apply again, at the account's new stamp. */
	public TipxPrincipal withOwnNewPassword(long newSecurityStamp) {
		return new TipxPrincipal(account, name, organisationId, roles, scopes, false, tokenId, newSecurityStamp);
	}

	@Override
	public Optional<UUID> accountId() {
		return Optional.ofNullable(account);
	}

	@Override
	public String identity() {
		return machine() ? "token:" + tokenId : "account:" + account;
	}

	public boolean machine() {
		return account == null;
	}

	public boolean has(Role role) {
		return !mustChangePassword && roles.contains(role);
	}

	public Collection<GrantedAuthority> authorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (machine()) {
			scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		}
		else if (mustChangePassword) {
			authorities.add(new SimpleGrantedAuthority(Actor.PASSWORD_CHANGE_REQUIRED));
		}
		else {
			authorities.add(new SimpleGrantedAuthority(ACCOUNT));
			roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		}
		return authorities;
	}
}
