package org.tipx.signals.canonical;

import com.ibm.icu.text.UnicodeSet;

/**
 * Characters that change a value without showing: zero-width spaces and joiners, direction marks, soft hyphens, the
 * Hangul filler used for "blank" names (Unicode's default-ignorable code points), and control characters. Copy and
 * paste from chats carries them in; scammers add them to dodge matching.
 */
final class Invisibles {

	private static final UnicodeSet IGNORABLE = new UnicodeSet("[:Default_Ignorable_Code_Point:]").freeze();

	private static final UnicodeSet SPACE_LIKE = new UnicodeSet("[[:Cc:][:Z:]]").freeze();

	private Invisibles() {
	}

	/** The text without invisible characters, with every kind of space or line break as one plain space, trimmed. */
	static Cleaned clean(String text) {
		if (isPrintableAscii(text)) {
			// Fast path: printable ASCII holds no default-ignorable code point and no control character, and its only
			// space-like character is the plain space, so the slow loop below would copy it unchanged.
			return new Cleaned(text.strip(), 0);
		}
		return cleanEveryCodePoint(text);
	}

	/** The slow path of {@link #clean}: looks every code point up in the Unicode sets. */
	static Cleaned cleanEveryCodePoint(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int removed = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (IGNORABLE.contains(cp)) {
				removed++;
			}
			else if (SPACE_LIKE.contains(cp)) {
				out.append(' ');
			}
			else {
				out.appendCodePoint(cp);
			}
		}
		return new Cleaned(out.toString().strip(), removed);
	}

	/** Whether every character is printable ASCII or the plain space (U+0020..U+007E). */
	static boolean isPrintableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	record Cleaned(String text, int removed) {
	}
}
