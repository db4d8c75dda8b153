package org.tipx.signals.canonical;

import java.util.regex.Pattern;

/**
 * Threat reports "defang" addresses so nobody clicks them: {@code hxxps://scam[.]example}, {@code name[@]mail[.]com}.
 * Re-arming them gives back the address the report means.
 */
final class Defanged {

	private static final Pattern DOT = Pattern.compile("\\[\\.]|\\(\\.\\)|\\{\\.}|\\[dot]|\\(dot\\)", Pattern.CASE_INSENSITIVE);

	private static final Pattern AT = Pattern.compile("\\[@]|\\(@\\)|\\[at]|\\(at\\)", Pattern.CASE_INSENSITIVE);

	private static final Pattern SCHEME = Pattern.compile("^(h[x*]{2}p)(s?)(\\[?:]?)//", Pattern.CASE_INSENSITIVE);

	private Defanged() {
	}

	/** The re-armed text; unchanged when nothing was defanged. */
	static String rearm(String text) {
		if (!mayBeDefanged(text)) {
			return text;
		}
		return rearmEveryPattern(text);
	}

	/** The slow path of {@link #rearm}: tries every pattern. */
	static String rearmEveryPattern(String text) {
		String out = DOT.matcher(text).replaceAll(".");
		out = AT.matcher(out).replaceAll("@");
		out = out.replace("[:]", ":").replace("[://]", "://");
		out = SCHEME.matcher(out).replaceFirst("http$2://");
		return out;
	}

	/**
	 * False when no pattern above can match: every defanged dot, at and colon is written with a bracket, and a defanged
	 * scheme starts with h followed by x or *. Lets the plain addresses most reports hold skip three regex passes.
	 */
	static boolean mayBeDefanged(String text) {
		if (text.length() >= 2 && (text.charAt(0) == 'h' || text.charAt(0) == 'H')) {
			char second = text.charAt(1);
			if (second == 'x' || second == 'X' || second == '*') {
				return true;
			}
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '[' || c == '(' || c == '{') {
				return true;
			}
		}
		return false;
	}
}
