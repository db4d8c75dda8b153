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
		String out = DOT.matcher(text).replaceAll(".");
		out = AT.matcher(out).replaceAll("@");
		out = out.replace("[:]", ":").replace("[://]", "://");
		out = SCHEME.matcher(out).replaceFirst("http$2://");
		return out;
	}
}
