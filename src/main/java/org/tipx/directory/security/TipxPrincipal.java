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
 * @param tokenId the API token used, or null for a browser session
 */
public record TipxPrincipal(UUID account, String name, UUID organisationId, Set<Role> roles, Set<String> scopes,
		boolean mustChangePassword, UUID tokenId) implements Actor {

	/** Authority held by every person who may use tipx normally. */
	public static final String ACCOUNT = "ACCOUNT";

	public TipxPrincipal {
		roles = Set.copyOf(roles);
		scopes = Set.copyOf(scopes);
	}

	@Override
	public Optional<UUID> accountId() {
		return Optional.ofNullable(account);
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
