package org.tipx.signals.imports;

import java.util.Optional;

/**
 * The name of an uploaded file as it is kept and shown: what the browser sent is user input, so any path is
 * stripped (a browser may send the whole Windows path), control and invisible formatting characters (a
 * right-to-left override can make one file's name read as another's) are removed, and it is cut to
 * {@value #MAX} characters. Pages still escape it.
 *
 * @param value 1 to {@value #MAX} characters, none of them a control or formatting character or a slash
 */
public record FileName(String value) {

	public static final int MAX = 200;

	public FileName {
		if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > MAX
				|| value.codePoints().anyMatch(c -> unwanted(c) || c == '/' || c == '\\')) {
			throw new IllegalArgumentException("not a sanitised file name");
		}
	}

	/** The sanitised name of what the browser sent; empty when nothing usable is left. */
	public static Optional<FileName> of(String sent) {
		if (sent == null) {
			return Optional.empty();
		}
		String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder();
		name.codePoints().filter(c -> !unwanted(c)).limit(MAX).forEach(kept::appendCodePoint);
		String stripped = kept.toString().strip();
		return stripped.isEmpty() ? Optional.empty() : Optional.of(new FileName(stripped));
	}

	private static boolean unwanted(int c) {
		int type = Character.getType(c);
		return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE
				|| type == Character.PRIVATE_USE;
	}
}
