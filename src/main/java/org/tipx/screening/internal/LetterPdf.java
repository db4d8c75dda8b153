package org.tipx.screening.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Draws a non-punishment letter: one A4 page per text — the letter's language first and, where that translation is a
 * draft, the English text after it — each with the verification code and a QR code that opens the verification page.
 * Text is shaped by {@link Typesetter} and written as glyphs of the shipped faces (embedded subsets, ToUnicode maps),
 * so it prints the same everywhere and stays searchable text in its own script (ADR 0019).
 */
final class LetterPdf {

	private static final float MARGIN = 56;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private LetterPdf() {
	}

	/**
	 * One page of the letter, already in its language.
	 *
	 * @param locale          the language, for line breaking
	 * @param title           the heading
	 * @param paragraphs      the body, paragraph by paragraph
	 * @param fields          label and value lines (name, document, nationality...)
	 * @param measuresHeading the heading of the measures
	 * @param measures        the measures that apply, in words
	 * @param verify          the sentence telling how to verify
	 * @param code            the verification code
	 * @param url             the verification address the QR code carries
	 * @param smallPrint      printed small at the foot of the page (the draft notice), or empty
	 */
	record Content(Locale locale, String title, List<String> paragraphs, Map<String, String> fields,
			String measuresHeading, List<String> measures, String verify, String code, String url,
			List<String> smallPrint) {
	}

	static byte[] render(List<Content> pages) {
		try (PDDocument document = new PDDocument()) {
			Map<Face, EmbeddedFace> faces = new EnumMap<>(Face.class);
			PDResources resources = new PDResources();
			for (Content content : pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				page.setResources(resources);
				document.addPage(page);
				Ink ink = new Ink(faces);
				draw(ink, content);
				page.setContents(new PDStream(document, new ByteArrayInputStream(ink.bytes()), COSName.FLATE_DECODE));
			}
			COSDictionary fonts = new COSDictionary();
			for (EmbeddedFace face : faces.values()) {
				face.embed(document);
				fonts.setItem(COSName.getPDFName(Ink.name(face.face())), face.dictionary());
			}
			resources.getCOSObject().setItem(COSName.FONT, fonts);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(pages.get(0).title() + " " + pages.get(0).code());
			info.setCreator("tipx");
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not draw the letter", e);
		}
	}

	private static void draw(Ink ink, Content content) {
		Locale locale = content.locale();
		float y = PDRectangle.A4.getHeight() - MARGIN;
		y = ink.write(content.title(), 18, true, y, 26, MARGIN, WIDTH, locale);
		y -= 8;
		for (String paragraph : content.paragraphs()) {
			y = ink.write(paragraph, 11, false, y, 16, MARGIN, WIDTH, locale) - 8;
		}
		for (Map.Entry<String, String> field : content.fields().entrySet()) {
			y = ink.write(field.getKey(), 11, true, y, 16, MARGIN, WIDTH, locale);
			y = ink.write(field.getValue(), 11, false, y, 16, MARGIN, WIDTH, locale) - 4;
		}
		y -= 6;
		y = ink.write(content.measuresHeading(), 12, true, y, 18, MARGIN, WIDTH, locale);
		for (String measure : content.measures()) {
			ink.write("•", 11, false, y, 16, MARGIN, 12, locale);
			y = ink.write(measure, 11, false, y, 16, MARGIN + 14, WIDTH - 14, locale) - 2;
		}
		y -= 12;
		float qrSize = 120;
		ink.qr(content.url(), MARGIN, y - qrSize, qrSize);
		float textX = MARGIN + qrSize + 16;
		float textWidth = WIDTH - qrSize - 16;
		float textY = ink.write(content.verify(), 10, false, y - 10, 15, textX, textWidth, locale);
		textY = ink.write(content.code(), 14, true, textY - 6, 18, textX, textWidth, locale);
		ink.write(content.url(), 9, false, textY - 2, 12, textX, textWidth, Locale.ROOT);
		float footY = MARGIN + 12 * content.smallPrint().size();
		for (String line : content.smallPrint()) {
			footY = ink.write(line, 8, false, footY, 11, MARGIN, WIDTH, locale) - 2;
		}
	}

	/** A page's content stream, written operator by operator; glyphs are shown by the ids of their faces. */
	private static final class Ink {

		private final Map<Face, EmbeddedFace> faces;

		private final StringBuilder out = new StringBuilder();

		Ink(Map<Face, EmbeddedFace> faces) {
			this.faces = faces;
		}

		static String name(Face face) {
			return "F" + face.ordinal();
		}

		/** Writes the text in lines from the top at {@code y}; returns where the next line starts. */
		float write(String text, float size, boolean bold, float y, float leading, float x, float width,
				Locale locale) {
			for (String line : Typesetter.lines(text, size, bold, width, locale)) {
				float cursor = x;
				float height = leading;
				for (GlyphRun run : Typesetter.shape(line, size, bold)) {
					show(run, cursor, y - size);
					cursor += run.advance();
					// stacked Burmese and Khmer reach further above and below than Latin: give their lines room
					height = Math.max(height, run.face().height() * size * 0.85f);
				}
				y -= height;
			}
			return y;
		}

		private void show(GlyphRun run, float x, float baseline) {
			EmbeddedFace face = faces.computeIfAbsent(run.face(), EmbeddedFace::new);
			out.append("BT\n/").append(name(run.face())).append(' ').append(number(run.size())).append(" Tf\n");
			if (run.face().emboldened()) {
				out.append("2 Tr ").append(number(run.size() * 0.03f)).append(" w\n");
			}
			// the run's text in logical order for extractors that read ActualText (poppler, PDFBox), whatever order
			// and positions shaping gave its glyphs; the ToUnicode map serves the others
			out.append("/Span <</ActualText <FEFF");
			for (char c : run.text().toCharArray()) {
				out.append(String.format(Locale.ROOT, "%04X", (int) c));
			}
			out.append(">>> BDC\n");
			for (int i = 0; i < run.glyphs().length; i++) {
				out.append("1 0 0 1 ").append(number(x + run.x()[i])).append(' ')
						.append(number(baseline + run.y()[i])).append(" Tm <")
						.append(String.format(Locale.ROOT, "%04X", face.id(run.glyphs()[i], run.texts()[i])))
						.append("> Tj\n");
			}
			out.append("EMC\n");
			if (run.face().emboldened()) {
				out.append("0 Tr\n");
			}
			out.append("ET\n");
		}

		void qr(String url, float x, float y, float size) {
			BitMatrix matrix;
			try {
				matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
						Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			}
			catch (WriterException e) {
				throw new IllegalStateException("could not encode the QR code", e);
			}
			float module = size / matrix.getWidth();
			for (int row = 0; row < matrix.getHeight(); row++) {
				for (int column = 0; column < matrix.getWidth(); column++) {
					if (matrix.get(column, row)) {
						out.append(number(x + column * module)).append(' ')
								.append(number(y + size - (row + 1) * module)).append(' ').append(number(module))
								.append(' ').append(number(module)).append(" re\n");
					}
				}
			}
			out.append("f\n");
		}

		byte[] bytes() {
			return out.toString().getBytes(StandardCharsets.US_ASCII);
		}

		private static String number(float value) {
			return String.format(Locale.ROOT, "%.3f", value);
		}
	}

}
