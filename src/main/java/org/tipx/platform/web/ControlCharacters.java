package org.tipx.platform.web;

/**
 * The rule every text tipx accepts follows: no C0 control characters except tab, line feed and carriage return.
 * PostgreSQL cannot store U+0000 in text at all, and the other controls are never typed by a person; letting them
 * through would either fail deep inside a transaction or store text that displays and searches wrongly.
 */
final class ControlCharacters {

	private ControlCharacters() {
	}

	/** The first forbidden character in {@code text}, or -1 when there is none. */
	static int firstIn(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return c;
			}
		}
		return -1;
	}

	/** What a refusal says about the character found, e.g. {@code must not contain control characters (U+0000)}. */
	static String refusal(int character) {
		return "must not contain control characters (U+%04X)".formatted(character);
	}
}
