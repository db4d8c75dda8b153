package org.tipx.screening.internal;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Sets text for letters: picks a face for each character (Face#fallback), shapes each run with Java2D's text layout
 * (HarfBuzz inside the JDK: reordering, stacking and contextual forms of Thai, Khmer, Burmese and Lao), and breaks
 * paragraphs into lines where ICU allows a break — by dictionary for Thai, Lao, Khmer and Burmese, which write no
 * spaces between words, and between characters for Chinese.
 */
final class Typesetter {

	/** Unhinted, fractional advances: positions as the font designs them, not rounded to screen pixels. */
	private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

	private Typesetter() {
	}

	/** The text shaped as runs, one per stretch of characters in the same face, left to right. */
	static List<GlyphRun> shape(String text, float size, boolean bold) {
		String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
		List<GlyphRun> runs = new ArrayList<>();
		int start = 0;
		Face current = null;
		for (int i = 0; i < normalised.length();) {
			int codePoint = normalised.codePointAt(i);
			Face face = current != null && staysInRun(codePoint) ? current : faceFor(codePoint, bold);
			if (current != null && face != current) {
				runs.add(shapeRun(normalised.substring(start, i), current, size));
				start = i;
			}
			current = face;
			i += Character.charCount(codePoint);
		}
		if (current != null) {
			runs.add(shapeRun(normalised.substring(start), current, size));
		}
		return runs;
	}

	/** The width of the text shaped. */
	static float width(String text, float size, boolean bold) {
		float width = 0;
		for (GlyphRun run : shape(text, size, bold)) {
			width += run.advance();
		}
		return width;
	}

	/** The text in lines no wider than {@code width}, broken where the language allows. */
	static List<String> lines(String text, float size, boolean bold, float width, Locale locale) {
		String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
		BreakIterator breaks = BreakIterator.getLineInstance(ULocale.forLocale(locale));
		breaks.setText(normalised);
		List<String> lines = new ArrayList<>();
		int lineStart = 0;
		int fits = -1;
		for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
			String candidate = normalised.substring(lineStart, end).stripTrailing();
			if (width(candidate, size, bold) <= width) {
				fits = end;
				continue;
			}
			if (fits > lineStart) {
				lines.add(normalised.substring(lineStart, fits).strip());
				lineStart = fits;
				if (width(normalised.substring(lineStart, end).stripTrailing(), size, bold) <= width) {
					fits = end;
					continue;
				}
			}
			// one unbreakable stretch wider than the line (a long address): cut it between characters
			lineStart = cut(normalised.substring(lineStart, end), size, bold, width, lines) + lineStart;
			fits = end;
		}
		if (lineStart < normalised.length() && !normalised.substring(lineStart).isBlank()) {
			lines.add(normalised.substring(lineStart).strip());
		}
		return lines;
	}

	private static int cut(String stretch, float size, boolean bold, float width, List<String> lines) {
		BreakIterator characters = BreakIterator.getCharacterInstance();
		characters.setText(stretch);
		int start = 0;
		int last = 0;
		for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
			if (width(stretch.substring(start, end), size, bold) > width && last > start) {
				lines.add(stretch.substring(start, last));
				start = last;
			}
			last = end;
		}
		return start;
	}

	/** Marks and joiners belong to the run of the letter before them, so that they are shaped with it. */
	private static boolean staysInRun(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK || codePoint == 0x200C || codePoint == 0x200D
				|| codePoint == 0x200B;
	}

	private static Face faceFor(int codePoint, boolean bold) {
		for (Face face : Face.fallback(bold)) {
			if (face.awt().canDisplay(codePoint)) {
				return face;
			}
		}
		return Face.fallback(bold).get(0);
	}

	private static GlyphRun shapeRun(String text, Face face, float size) {
		Font font = face.awt().deriveFont(size);
		char[] chars = text.toCharArray();
		GlyphVector vector = font.layoutGlyphVector(CONTEXT, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
		int count = vector.getNumGlyphs();
		TreeSet<Integer> clusterStarts = new TreeSet<>();
		List<Integer> kept = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			clusterStarts.add(vector.getGlyphCharIndex(i));
			// Java2D stands invisible characters (joiners, zero-width space) for glyph ids 0xFFFE and 0xFFFF
			if (vector.getGlyphCode(i) < 0xFFFE) {
				kept.add(i);
			}
		}
		int[] glyphs = new int[kept.size()];
		float[] x = new float[kept.size()];
		float[] y = new float[kept.size()];
		String[] texts = new String[kept.size()];
		Set<Integer> given = new HashSet<>();
		for (int k = 0; k < kept.size(); k++) {
			int i = kept.get(k);
			glyphs[k] = vector.getGlyphCode(i);
			Point2D position = vector.getGlyphPosition(i);
			x[k] = (float) position.getX();
			y[k] = (float) -position.getY();
			int clusterStart = vector.getGlyphCharIndex(i);
			if (given.add(clusterStart)) {
				Integer next = clusterStarts.higher(clusterStart);
				texts[k] = text.substring(clusterStart, next == null ? text.length() : next);
			}
			else {
				texts[k] = "";
			}
		}
		float advance = (float) vector.getGlyphPosition(count).getX();
		return new GlyphRun(face, size, glyphs, x, y, texts, advance);
	}
}
