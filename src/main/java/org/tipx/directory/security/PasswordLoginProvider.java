package org.tipx.directory.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.tipx.directory.internal.LoginRefused;
import org.tipx.directory.internal.PasswordLogin;
import org.tipx.directory.internal.StoredAccount;

/**
 * The login page's authentication, through the same throttled {@link PasswordLogin} as the token API.
 */
class PasswordLoginProvider implements AuthenticationProvider {

	private final PasswordLogin login;

	PasswordLoginProvider(PasswordLogin login) {
		this.login = login;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
		try {
			StoredAccount account = login.authenticate(username, password, "page");
			TipxPrincipal principal = new TipxPrincipal(account.id(), account.username(), account.organisationId(),
					account.roles(), java.util.Set.of(), account.mustChangePassword(), null, account.securityStamp());
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
		}
		catch (LoginRefused refused) {
			if (refused.locked()) {
				throw new LockedException(refused.getMessage());
			}
			throw new BadCredentialsException(refused.getMessage());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
