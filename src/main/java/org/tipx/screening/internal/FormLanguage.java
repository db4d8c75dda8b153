package org.tipx.screening.internal;

/**
 * A language of the screening form.
 *
 * @param name         the XForm translation name, e.g. {@code Bahasa Indonesia (id)}
 * @param code         its BCP 47 tag, e.g. {@code id}
 * @param reviewStatus {@code reviewed}, or {@code draft} while a native speaker has not reviewed it
 */
public record FormLanguage(String name, String code, String reviewStatus) {

	public boolean reviewed() {
		return "reviewed".equals(reviewStatus);
	}
}
