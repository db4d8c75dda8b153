package org.tipx.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each of the ten letter languages drawn, rendered back to an image (kept in target/letters/ to look at) and read back:
 * the text comes out in its own script and logical order, with PDFBox and with poppler's pdftotext where installed,
 * no glyph drawn is the missing glyph, and the QR code scans.
 */
class LetterPdfTests {

	static final List<String> LANGUAGES = LetterWording.LANGUAGES;

	static final LetterFacts FACTS = new LetterFacts("Royal Thai Consulate-General", "TH", "Rina Wulandari",
			"X1234567", "KH", "PRESUMED_VICTIM", LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 3),
			List.of("WAIVE_OVERSTAY_FINES", "HALT_DEPORTATION_AND_BLACKLISTING",
					"FLAG_COMPELLED_OFFENCES_TO_PROSECUTOR"),
			"7K3M-9QXA-2BHD-R", "https://tipx.example.org/verify/7K3M-9QXA-2BHD-R");

	@ParameterizedTest
	@FieldSource("LANGUAGES")
	void eachLanguageIsDrawnAsShapedTextThatReadsBackInItsOwnScript(String language) throws Exception {
		byte[] pdf = LetterPdf.render(FACTS.pages(language, measure -> measure));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			Path folder = Path.of("target", "letters");
			Files.createDirectories(folder);
			Files.write(folder.resolve(language + ".pdf"), pdf);
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
			ImageIO.write(page, "png", folder.resolve(language + ".png").toFile());
			if (document.getNumberOfPages() > 1) {
				ImageIO.write(new PDFRenderer(document).renderImageWithDPI(1, 150), "png",
						folder.resolve(language + "-english.png").toFile());
			}
			boolean draft = !language.equals("en");
			assertThat(document.getNumberOfPages()).isEqualTo(draft ? 2 : 1);
			String extracted = new PDFTextStripper().getText(document);
			for (String expected : expected(language)) {
				assertThat(squeeze(extracted)).as(language + " by PDFBox").contains(squeeze(expected));
			}
			assertThat(extracted).contains("Rina Wulandari", "X1234567", "7K3M-9QXA-2BHD-R");
			if (draft) {
				assertThat(squeeze(extracted)).contains(squeeze(LetterWording.text("en", "letter.draft")))
						.contains(squeeze(LetterWording.text("en", "letter.title")));
			}

			Glyphs glyphs = new Glyphs();
			for (PDPage each : document.getPages()) {
				glyphs.processPage(each);
			}
			assertThat(glyphs.missing).as(language + ": glyphs drawn as the missing glyph").isZero();
			// shaping joins some characters into one glyph (Khmer subscripts) and splits others (Thai sara am)
			int characters = squeeze(extracted).codePointCount(0, squeeze(extracted).length());
			assertThat(glyphs.drawn).as(language + ": glyphs drawn for " + characters + " characters")
					.isBetween(characters * 6 / 10, characters * 13 / 10);

			String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
					new BufferedImageLuminanceSource(page)))).getText();
			assertThat(scanned).isEqualTo(FACTS.url());

			String poppler = pdftotext(folder.resolve(language + ".pdf").toFile());
			if (poppler != null) {
				for (String expected : expected(language)) {
					assertThat(squeeze(poppler)).as(language + " by pdftotext").contains(squeeze(expected));
				}
			}
		}
	}

	/** Sentences that must read back: the title, a label and a measure that wraps over lines. */
	static List<String> expected(String language) {
		return List.of(LetterWording.text(language, "letter.title"),
				LetterWording.text(language, "letter.field.nationality"),
				LetterWording.text(language, "measure.HALT_DEPORTATION_AND_BLACKLISTING"),
				LetterWording.text(language, "measure.FLAG_COMPELLED_OFFENCES_TO_PROSECUTOR"));
	}

	/** Line breaks and spaces are the extractor's guess; the characters and their order are what counts. */
	static String squeeze(String text) {
		return text.replaceAll("\\s+", "");
	}

	static String pdftotext(File pdf) throws IOException, InterruptedException {
		if (!new File("/usr/bin/pdftotext").canExecute()) {
			return null;
		}
		Process process = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", pdf.getPath(), "-")
				.redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		return out;
	}

	/** Counts the glyphs a page draws and those that are glyph 0, the missing glyph. */
	static final class Glyphs extends PDFStreamEngine {

		int drawn;

		int missing;

		final List<Integer> seen = new ArrayList<>();

		Glyphs() {
			addOperator(new BeginText(this));
			addOperator(new EndText(this));
			addOperator(new SetFontAndSize(this));
			addOperator(new ShowText(this));
		}

		@Override
		protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
				throws IOException {
			int glyph = ((PDCIDFontType2) ((PDType0Font) font).getDescendantFont()).codeToGID(code);
			drawn++;
			if (glyph == 0) {
				missing++;
			}
		}
	}
}
