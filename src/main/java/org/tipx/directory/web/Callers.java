package org.tipx.directory.web;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.tipx.directory.security.TipxPrincipal;
import org.tipx.shared.Actor;

/**
 * The authenticated caller of a request, as the directory's principal type.
 */
final class Callers {

	private Callers() {
	}

	static TipxPrincipal current() {
		return Actor.current().filter(TipxPrincipal.class::isInstance).map(TipxPrincipal.class::cast)
				.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
	}
}
