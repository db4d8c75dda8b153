package org.tipx.shared;

/**
 * The caller is known but may not do this (outside their organisation, a role they may not grant); answered with 403.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}
}
