package org.tipx.recruitment.scoring;

import java.util.Objects;

/**
 * A posting field read for matching, with the way back to the original: {@code text} is the normalised form and every
 * character of it knows the UTF-16 span of the original it came from, so that evidence is always quoted as written.
 */
public final class NormalisedText {

	private final String original;

	private final String text;

	private final int[] from;

	private final int[] to;

	NormalisedText(String original, String text, int[] from, int[] to) {
		this.original = Objects.requireNonNull(original);
		this.text = Objects.requireNonNull(text);
		if (from.length != text.length() || to.length != text.length()) {
			throw new IllegalArgumentException("offset map does not match the text");
		}
		this.from = from;
		this.to = to;
	}

	public String original() {
		return original;
	}

	public String text() {
		return text;
	}

	/** Start, in the original, of the span that produced normalised characters {@code [start, end)}. */
	public int originalStart(int start, int end) {
		int min = Integer.MAX_VALUE;
		for (int i = start; i < end; i++) {
			min = Math.min(min, from[i]);
		}
		return min == Integer.MAX_VALUE ? 0 : min;
	}

	/** End (exclusive), in the original, of the span that produced normalised characters {@code [start, end)}. */
	public int originalEnd(int start, int end) {
		int max = 0;
		for (int i = start; i < end; i++) {
			max = Math.max(max, to[i]);
		}
		return max;
	}

	/** The original text behind normalised characters {@code [start, end)}, exactly as written. */
	public String quote(int start, int end) {
		return original.substring(originalStart(start, end), originalEnd(start, end));
	}
}
