package org.tipx.directory.internal;

import java.time.Instant;

/**
 * A login that did not succeed: wrong credentials (deliberately not saying which), or a locked account.
 */
public class LoginRefused extends RuntimeException {

	private final Instant lockedUntil;

	LoginRefused(String message, Instant lockedUntil) {
		super(message);
		this.lockedUntil = lockedUntil;
	}

	static LoginRefused badCredentials() {
		return new LoginRefused("invalid username or password", null);
	}

	static LoginRefused locked(Instant until) {
		return new LoginRefused("account locked after repeated failed logins until " + until
				+ "; ask an administrator to unlock it or try again later", until);
	}

	public boolean locked() {
		return lockedUntil != null;
	}

	public Instant lockedUntil() {
		return lockedUntil;
	}
}
