package org.tipx.recruitment.scoring;

import java.util.Arrays;

/** Builds a normalised text one piece at a time, remembering for each character the original span it came from. */
final class TextBuilder {

	private final StringBuilder text;

	private int[] from;

	private int[] to;

	TextBuilder(int capacity) {
		text = new StringBuilder(capacity);
		from = new int[Math.max(16, capacity)];
		to = new int[from.length];
	}

	void append(CharSequence piece, int originalStart, int originalEnd) {
		for (int i = 0; i < piece.length(); i++) {
			append(piece.charAt(i), originalStart, originalEnd);
		}
	}

	void append(char c, int originalStart, int originalEnd) {
		int n = text.length();
		if (n == from.length) {
			from = Arrays.copyOf(from, n * 2);
			to = Arrays.copyOf(to, n * 2);
		}
		from[n] = originalStart;
		to[n] = originalEnd;
		text.append(c);
	}

	int length() {
		return text.length();
	}

	char charAt(int i) {
		return text.charAt(i);
	}

	NormalisedText build(String original) {
		int n = text.length();
		return new NormalisedText(original, text.toString(), Arrays.copyOf(from, n), Arrays.copyOf(to, n));
	}

	/** A derived text: {@code layer} was built over {@code base}'s text, so its spans are re-expressed in the original. */
	static NormalisedText compose(NormalisedText base, TextBuilder layer) {
		int n = layer.text.length();
		int[] f = new int[n];
		int[] t = new int[n];
		for (int i = 0; i < n; i++) {
			f[i] = base.originalStart(layer.from[i], layer.to[i]);
			t[i] = base.originalEnd(layer.from[i], layer.to[i]);
		}
		return new NormalisedText(base.original(), layer.text.toString(), f, t);
	}
}
