package org.tipx.screening.internal;

import java.util.Objects;

/**
 * Shaped text in one face and size: glyph ids of the face's TrueType file, each glyph's position relative to the run's
 * origin (points, y upwards), and the text each glyph stands for when the page is searched or copied. A cluster of
 * characters drawn as several glyphs (a Khmer vowel drawn before its consonant, Thai marks stacked) gives its whole
 * text, in logical order, to its first glyph and the empty string to the others.
 *
 * @param face    the face
 * @param size    the size in points
 * @param glyphs  glyph ids (never 0, the missing glyph, for text the faces cover)
 * @param x       each glyph's horizontal offset
 * @param y       each glyph's vertical offset
 * @param texts   each glyph's text
 * @param advance the run's width
 */
record GlyphRun(Face face, float size, int[] glyphs, float[] x, float[] y, String[] texts, float advance) {

	GlyphRun {
		Objects.requireNonNull(face, "face");
		if (glyphs.length != x.length || glyphs.length != y.length || glyphs.length != texts.length) {
			throw new IllegalArgumentException("a glyph run needs a position and a text for every glyph");
		}
	}

	/** The text the run stands for. */
	String text() {
		return String.join("", texts);
	}
}
