package org.tipx.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.font.FontRenderContext;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Shaping and line breaking of the scripts PDFBox cannot set alone: glyphs reordered, substituted and stacked as the
 * script requires, the text kept in logical order, and lines broken between words that no space separates.
 */
class TypesetterTests {

	static int plainGlyph(Face face, String character) {
		return face.awt().deriveFont(12f).createGlyphVector(new FontRenderContext(null, true, true), character)
				.getGlyphCode(0);
	}

	static GlyphRun only(String text) {
		List<GlyphRun> runs = Typesetter.shape(text, 12, false);
		assertThat(runs).hasSize(1);
		return runs.get(0);
	}

	@Test
	void aKhmerVowelSignIsDrawnBeforeItsConsonantAndASubscriptTakesItsSubscriptForm() {
		GlyphRun se = only("សេ");
		assertThat(se.face()).isEqualTo(Face.KHMER);
		assertThat(se.glyphs()[0]).isEqualTo(plainGlyph(Face.KHMER, "េ"));
		assertThat(se.texts()[0]).isEqualTo("សេ");
		assertThat(se.text()).isEqualTo("សេ");

		GlyphRun ksa = only("ក្ស");
		assertThat(ksa.glyphs()).hasSize(2).doesNotContain(plainGlyph(Face.KHMER, "ស"), plainGlyph(Face.KHMER, "្"));
		assertThat(ksa.text()).isEqualTo("ក្ស");
	}

	@Test
	void aBurmeseMedialRaIsDrawnBeforeTheConsonantItSurrounds() {
		GlyphRun kra = only("ကြ");
		assertThat(kra.face()).isEqualTo(Face.MYANMAR);
		assertThat(kra.glyphs()[0]).isNotEqualTo(plainGlyph(Face.MYANMAR, "က"));
		assertThat(kra.x()[1]).isGreaterThan(kra.x()[0]);
		assertThat(kra.text()).isEqualTo("ကြ");
	}

	@Test
	void thaiAndLaoToneMarksStackAboveTheVowelAboveTheConsonant() {
		for (String text : List.of("ที่", "ທີ່")) {
			GlyphRun run = only(text);
			Face face = run.face();
			int toneAsTyped = plainGlyph(face, text.substring(2));
			// the tone mark is lifted over the vowel: another glyph, or the same glyph raised
			boolean lifted = run.glyphs()[2] != toneAsTyped || run.y()[2] > run.y()[1];
			assertThat(lifted).as(text).isTrue();
			assertThat(run.text()).isEqualTo(text);
		}
	}

	@Test
	void latinDigitsInAThaiSentenceAreSetInTheLatinFace() {
		List<GlyphRun> runs = Typesetter.shape("ข้อ 14(7)", 12, false);
		assertThat(runs).extracting(GlyphRun::face).contains(Face.THAI, Face.LATIN);
		assertThat(runs.stream().map(GlyphRun::text).reduce("", String::concat)).isEqualTo("ข้อ 14(7)");
	}

	@Test
	void thaiKhmerBurmeseLaoAndChineseBreakBetweenWordsThatNoSpaceSeparates() {
		for (String language : List.of("th", "km", "my", "lo", "zh")) {
			String measure = LetterWording.text(language, "measure.FLAG_COMPELLED_OFFENCES_TO_PROSECUTOR");
			List<String> lines = Typesetter.lines(measure, 11, false, 150, Locale.forLanguageTag(language));
			assertThat(lines).as(language).hasSizeGreaterThan(2);
			for (String line : lines) {
				assertThat(Typesetter.width(line, 11, false)).as(language + ": " + line).isLessThanOrEqualTo(150);
				assertThat(Character.getType(line.codePointAt(0))).as(language + ": " + line)
						.isNotIn((int) Character.NON_SPACING_MARK, (int) Character.COMBINING_SPACING_MARK);
			}
			assertThat(String.join("", lines).replace(" ", "")).isEqualTo(measure.replace(" ", ""));
		}
	}
}
