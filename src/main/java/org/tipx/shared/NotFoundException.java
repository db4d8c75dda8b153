package org.tipx.shared;

/**
 * The thing asked for does not exist, or the caller may not know that it exists; answered with 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}
}
