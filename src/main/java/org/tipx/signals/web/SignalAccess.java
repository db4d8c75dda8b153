package org.tipx.signals.web;

/**
 * Who may use the signal exchange: analysts, focal points, moderators and investigators, and integrations holding
 * the signals scopes.
 */
final class SignalAccess {

	static final String READ = "hasAnyRole('ANALYST', 'FOCAL_POINT', 'MODERATOR', 'INVESTIGATOR')"
			+ " or hasAuthority('SCOPE_signals:read')";

	static final String WRITE = "hasAnyRole('ANALYST', 'FOCAL_POINT', 'MODERATOR', 'INVESTIGATOR')"
			+ " or hasAuthority('SCOPE_signals:write')";

	private SignalAccess() {
	}
}
