package org.tipx.cases.internal;

import java.util.List;

import org.tipx.shared.InvalidInputException.FieldError;

/** What people write on a case (notes, answers, titles): stripped, bounded, and absent when blank. */
final class FreeText {

	private FreeText() {
	}

	/** The text stripped, or null when blank; an error when longer than {@code max}. */
	static String optional(String field, String value, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			errors.add(new FieldError(field, "must be at most " + max + " characters"));
		}
		return text;
	}

	/** As {@link #optional}, and an error when blank. */
	static String required(String field, String value, int max, List<FieldError> errors) {
		String text = optional(field, value, max, errors);
		if (text == null) {
			errors.add(new FieldError(field, "is required"));
		}
		return text;
	}
}
