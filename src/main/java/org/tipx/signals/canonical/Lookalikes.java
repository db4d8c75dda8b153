package org.tipx.signals.canonical;

import com.ibm.icu.text.SpoofChecker;

/**
 * Letters of other scripts that look like Latin ones (Cyrillic а, Greek ο, ...), from Unicode's confusables data
 * (UTS #39) as ICU ships it.
 */
final class Lookalikes {

	private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

	private Lookalikes() {
	}

	/**
	 * Appends the text with each non-ASCII character replaced by the one ASCII letter or digit it is confusable with.
	 * Returns false if some non-ASCII character has no such lookalike (then the appended text is not all ASCII).
	 */
	static boolean latin(String text, StringBuilder out) {
		boolean all = true;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (cp < 0x80) {
				out.appendCodePoint(cp);
				continue;
			}
			String skeleton = CONFUSABLES.getSkeleton(new String(Character.toChars(cp)));
			if (skeleton.length() == 1 && skeleton.charAt(0) < 0x80 && Character.isLetterOrDigit(skeleton.charAt(0))) {
				out.append(Character.toLowerCase(skeleton.charAt(0)));
			}
			else {
				all = false;
				out.appendCodePoint(cp);
			}
		}
		return all;
	}

	static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}
}
