package org.tipx.signals.canonical;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A scanner for the web addresses most reports carry: {@code http} or {@code https}, a plain host name, perhaps a
 * port, a path, a query and a fragment, all in printable ASCII that the WHATWG URL parser leaves as it is. For those
 * it gives exactly the parts that parser gives (checked against it on a generated and adversarial corpus by
 * {@code FastPathsTests}); for anything else — user info, IP or international hosts, dot segments, characters the
 * parser would percent-encode, repeated or empty query parameters — it answers null and the full parser reads the
 * text. The WHATWG parser (with its host handling) is about a third of the time of a URL.
 */
final class PlainUrls {

	private static final int MAX_LABEL = 63;

	private static final int MAX_HOST = 253;

	private PlainUrls() {
	}

	/** The parts as the WHATWG parser gives them, or null when the text is not plain enough to be sure. */
	static WebAddresses.Parts scan(String text) {
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{'
					|| c == '}' || c == '|' || c == '^' || c == '[' || c == ']' || c == '\'') {
				return null;
			}
		}
		String scheme;
		int start;
		if (text.regionMatches(true, 0, "https://", 0, 8)) {
			scheme = "https";
			start = 8;
		}
		else if (text.regionMatches(true, 0, "http://", 0, 7)) {
			scheme = "http";
			start = 7;
		}
		else {
			return null;
		}
		int end = start;
		while (end < n && "/?#".indexOf(text.charAt(end)) < 0) {
			end++;
		}
		String authority = text.substring(start, end);
		if (authority.indexOf('@') >= 0 || authority.indexOf('%') >= 0) {
			return null;
		}
		int colon = authority.indexOf(':');
		String hostText = colon < 0 ? authority : authority.substring(0, colon);
		String host = plainHost(hostText);
		if (host == null) {
			return null;
		}
		int port = -1;
		if (colon >= 0) {
			String digits = authority.substring(colon + 1);
			if (!digits.isEmpty()) {
				if (digits.length() > 5 || digits.charAt(0) == '0' || !allDigits(digits)) {
					return null;
				}
				port = Integer.parseInt(digits);
				if (port > 65_535) {
					return null;
				}
				if (port == (scheme.equals("http") ? 80 : 443)) {
					port = -1;
				}
			}
		}
		int pathEnd = end;
		while (pathEnd < n && text.charAt(pathEnd) != '?' && text.charAt(pathEnd) != '#') {
			pathEnd++;
		}
		String path = text.substring(end, pathEnd);
		if (!plainPath(path)) {
			return null;
		}
		String query = null;
		int queryEnd = pathEnd;
		if (pathEnd < n && text.charAt(pathEnd) == '?') {
			queryEnd = text.indexOf('#', pathEnd);
			if (queryEnd < 0) {
				queryEnd = n;
			}
			query = text.substring(pathEnd + 1, queryEnd);
			if (!plainQuery(query)) {
				return null;
			}
		}
		String fragment = null;
		if (queryEnd < n) {
			fragment = text.substring(queryEnd + 1);
			if (fragment.isEmpty() || fragment.indexOf('#') >= 0) {
				return null;
			}
		}
		return new WebAddresses.Parts(scheme, null, host, port, path, query, fragment);
	}

	/** The host lower-cased, if it is letters, digits and inner hyphens in dot-separated labels; otherwise null. */
	static String plainHost(String host) {
		int n = host.length();
		if (n == 0 || n > MAX_HOST) {
			return null;
		}
		int labelStart = 0;
		for (int i = 0; i <= n; i++) {
			char c = i < n ? host.charAt(i) : '.';
			if (c == '.') {
				int length = i - labelStart;
				if (length == 0 || length > MAX_LABEL || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-'
						|| length >= 4 && host.charAt(labelStart + 2) == '-' && host.charAt(labelStart + 3) == '-') {
					return null;
				}
				labelStart = i + 1;
			}
			else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
				return null;
			}
		}
		// a last label that starts with a digit may be read as an IPv4 address ("1.2.3.4", "0x7f.1", "example.0")
		int last = host.lastIndexOf('.') + 1;
		char first = host.charAt(last);
		if (first >= '0' && first <= '9') {
			return null;
		}
		return host.toLowerCase(Locale.ROOT);
	}

	private static boolean plainPath(String path) {
		if (path.isEmpty()) {
			return true;
		}
		// dot segments ("%2e" among them) are resolved, and Spring folds "//" into "/"
		if (containsIgnoreCase(path, "%2e") || path.contains("//")) {
			return false;
		}
		int segmentStart = 1;
		for (int i = 1; i <= path.length(); i++) {
			if (i == path.length() || path.charAt(i) == '/') {
				String segment = path.substring(segmentStart, i);
				if (segment.equals(".") || segment.equals("..")) {
					return false;
				}
				segmentStart = i + 1;
			}
		}
		return true;
	}

	/** Non-empty pairs with distinct non-empty names: Spring's query parameters give them back as written. */
	private static boolean plainQuery(String query) {
		if (query.isEmpty()) {
			return false;
		}
		Set<String> names = new HashSet<>();
		int pairStart = 0;
		for (int i = 0; i <= query.length(); i++) {
			if (i == query.length() || query.charAt(i) == '&') {
				if (i == pairStart || query.charAt(pairStart) == '=') {
					return false;
				}
				int eq = query.indexOf('=', pairStart);
				String name = query.substring(pairStart, eq < 0 || eq > i ? i : eq);
				if (!names.add(name)) {
					return false;
				}
				pairStart = i + 1;
			}
		}
		return true;
	}

	private static boolean containsIgnoreCase(String text, String part) {
		for (int i = 0; i + part.length() <= text.length(); i++) {
			if (text.regionMatches(true, i, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

	private static boolean allDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}
}
