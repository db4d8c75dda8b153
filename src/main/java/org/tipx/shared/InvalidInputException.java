package org.tipx.shared;

import java.util.List;

/**
 * Input that breaks a rule; answered with 400 and one entry per offending field. Nothing has been stored.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public InvalidInputException(List<FieldError> errors) {
		super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

	/** One rejected field and the reason, in words a user can act on. */
	public record FieldError(String field, String message) {
	}
}
