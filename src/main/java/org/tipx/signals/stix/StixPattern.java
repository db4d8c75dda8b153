package org.tipx.signals.stix;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of the STIX 2.1 patterning language (§9) that names identifiers, which is what MISP and OpenCTI write for
 * indicators: equality comparisons of an object path with a string, joined by {@code AND} and {@code OR} inside one
 * observation, and observations joined by {@code OR}:
 * {@code [domain-name:value = 'a.example' OR ipv4-addr:value = '198.51.100.3']},
 * {@code [user-account:account_type = 'telegram' AND user-account:user_id = 'recruiter']},
 * {@code [url:value = 'https://x.example/'] OR [phone-number:value = '+85512345678']}. {@code AND} binds tighter than
 * {@code OR}. Anything else (other operators, qualifiers, {@code FOLLOWEDBY}, parentheses, observations joined by
 * {@code AND}) is not understood: {@link #parse} says why, and the indicator is reported as ignored, never guessed at.
 */
public final class StixPattern {

	private StixPattern() {
	}

	/** One comparison: {@code type:path = 'value'}. */
	public record Comparison(String objectType, String path, String value) {
	}

	/** The alternatives a pattern matches; each is a conjunction of comparisons (mostly just one). */
	public record Parsed(List<List<Comparison>> alternatives) {

		public Parsed {
			alternatives = alternatives.stream().map(List::copyOf).toList();
		}
	}

	/** A pattern outside the understood subset, and why. */
	public static final class NotUnderstood extends Exception {

		NotUnderstood(String reason) {
			super(reason, null, false, false);
		}
	}

	public static Parsed parse(String pattern) throws NotUnderstood {
		List<String> tokens = tokens(pattern);
		List<List<Comparison>> alternatives = new ArrayList<>();
		int i = 0;
		while (true) {
			if (i >= tokens.size() || !tokens.get(i).equals("[")) {
				throw new NotUnderstood("expected '[' to open an observation");
			}
			i++;
			List<Comparison> conjunction = new ArrayList<>();
			while (true) {
				if (i + 3 > tokens.size()) {
					throw new NotUnderstood("an observation ends too early");
				}
				String path = tokens.get(i);
				String operator = tokens.get(i + 1);
				String literal = tokens.get(i + 2);
				if (!operator.equals("=")) {
					throw new NotUnderstood("only '=' comparisons are understood, not '" + operator + "'");
				}
				if (!literal.startsWith("'")) {
					throw new NotUnderstood("only string values are understood");
				}
				int colon = path.indexOf(':');
				if (colon <= 0 || colon == path.length() - 1 || path.startsWith("'") || path.equals("[")) {
					throw new NotUnderstood("'" + path + "' is not an object path");
				}
				conjunction.add(new Comparison(path.substring(0, colon), path.substring(colon + 1), literal.substring(1)));
				i += 3;
				if (i >= tokens.size()) {
					throw new NotUnderstood("an observation is not closed with ']'");
				}
				String next = tokens.get(i++);
				if (next.equals("AND")) {
					continue;
				}
				alternatives.add(conjunction);
				conjunction = new ArrayList<>();
				if (next.equals("OR")) {
					continue;
				}
				if (next.equals("]")) {
					break;
				}
				throw new NotUnderstood("'" + next + "' is not understood inside an observation");
			}
			if (i == tokens.size()) {
				return new Parsed(alternatives);
			}
			String join = tokens.get(i++);
			if (!join.equals("OR")) {
				throw new NotUnderstood("observations joined by '" + join + "' are not understood, only by OR");
			}
		}
	}

	/** Brackets, '=', quoted strings (kept with their opening quote, unescaped) and words. */
	private static List<String> tokens(String pattern) throws NotUnderstood {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '[' || c == ']' || c == '=') {
				tokens.add(String.valueOf(c));
				i++;
			}
			else if (c == '\'') {
				StringBuilder value = new StringBuilder("'");
				i++;
				boolean closed = false;
				while (i < pattern.length()) {
					char d = pattern.charAt(i++);
					if (d == '\\' && i < pattern.length()) {
						char escaped = pattern.charAt(i++);
						if (escaped != '\'' && escaped != '\\') {
							throw new NotUnderstood("unknown escape \\" + escaped + " in a string");
						}
						value.append(escaped);
					}
					else if (d == '\'') {
						closed = true;
						break;
					}
					else {
						value.append(d);
					}
				}
				if (!closed) {
					throw new NotUnderstood("a string is not closed");
				}
				tokens.add(value.toString());
			}
			else if (isWordChar(c)) {
				int start = i;
				while (i < pattern.length() && isWordChar(pattern.charAt(i))) {
					i++;
				}
				tokens.add(pattern.substring(start, i));
			}
			else {
				int end = i + 1;
				while (end < pattern.length() && "!<>".indexOf(pattern.charAt(end)) >= 0) {
					end++;
				}
				tokens.add(pattern.substring(i, Math.max(end, i + 1)));
				i = Math.max(end, i + 1);
			}
		}
		return tokens;
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == ':' || c == '.' || c == '-' || c == '_' || c == '*';
	}
}
