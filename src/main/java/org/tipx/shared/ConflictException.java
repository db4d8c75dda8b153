package org.tipx.shared;

/**
 * The request clashes with what is stored (a duplicate name, a state that forbids the change); answered with 409.
 */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
