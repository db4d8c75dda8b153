package org.tipx.recruitment.scoring;

import java.util.Locale;
import java.util.Map;

/**
 * Removes HTML from a posting: tags become a space (so that words either side stay apart), script and style elements
 * and comments disappear whole, and character references are decoded. Not a parser: postings are read, never rendered,
 * so the only aim is that tags do not hide or join words.
 */
final class Markup {

	private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos",
			"'", "nbsp", " ", "ndash", "–", "mdash", "—", "hellip", "…", "rsquo", "’");

	private Markup() {
	}

	static TextBuilder strip(String original) {
		TextBuilder out = new TextBuilder(original.length());
		int n = original.length();
		int i = 0;
		while (i < n) {
			char c = original.charAt(i);
			if (c == '<' && i + 1 < n && startsTag(original.charAt(i + 1))) {
				int close = original.indexOf('>', i);
				if (close < 0) {
					out.append(c, i, i + 1);
					i++;
					continue;
				}
				String name = tagName(original, i + 1, close);
				int end = close + 1;
				if (original.startsWith("<!--", i)) {
					int commentEnd = original.indexOf("-->", i + 4);
					end = commentEnd < 0 ? n : commentEnd + 3;
				}
				else if (name.equals("script") || name.equals("style")) {
					int closing = original.toLowerCase(Locale.ROOT).indexOf("</" + name, close);
					int closingEnd = closing < 0 ? -1 : original.indexOf('>', closing);
					end = closingEnd < 0 ? n : closingEnd + 1;
				}
				out.append(' ', i, end);
				i = end;
				continue;
			}
			if (c == '&') {
				int semi = original.indexOf(';', i);
				if (semi > i + 1 && semi - i <= 10) {
					String decoded = decode(original.substring(i + 1, semi));
					if (decoded != null) {
						out.append(decoded, i, semi + 1);
						i = semi + 1;
						continue;
					}
				}
			}
			out.append(c, i, i + 1);
			i++;
		}
		return out;
	}

	private static boolean startsTag(char c) {
		return c == '/' || c == '!' || (c < 128 && Character.isLetter(c));
	}

	private static String tagName(String s, int from, int close) {
		int i = from;
		if (i < close && s.charAt(i) == '/') {
			i++;
		}
		int start = i;
		while (i < close && Character.isLetterOrDigit(s.charAt(i))) {
			i++;
		}
		return s.substring(start, i).toLowerCase(Locale.ROOT);
	}

	private static String decode(String entity) {
		if (entity.startsWith("#")) {
			try {
				int cp = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X')
						? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
				return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
		return NAMED.get(entity.toLowerCase(Locale.ROOT));
	}
}
