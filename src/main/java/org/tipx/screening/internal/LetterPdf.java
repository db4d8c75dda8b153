package org.tipx.screening.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.core.io.ClassPathResource;

/**
 * Draws a non-punishment letter: one A4 page in the letter's language, set in Noto Sans (shipped with tipx, SIL Open
 * Font License), with the verification code and a QR code that opens the verification page. PDFBox does not shape
 * complex scripts, so only languages in Latin script are offered (ADR 0010).
 */
final class LetterPdf {

	private static final float MARGIN = 56;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private LetterPdf() {
	}

	/**
	 * The letter's content, already in its language.
	 *
	 * @param title      the heading
	 * @param paragraphs the body, paragraph by paragraph
	 * @param fields     label and value lines (name, document, nationality...)
	 * @param measures   the measures that apply, in words
	 * @param verify     the sentence telling how to verify
	 * @param code       the verification code
	 * @param url        the verification address the QR code carries
	 */
	record Content(String title, List<String> paragraphs, Map<String, String> fields, String measuresHeading,
			List<String> measures, String verify, String code, String url) {
	}

	static byte[] render(Content content) {
		try (PDDocument document = new PDDocument()) {
			PDFont regular = font(document, "fonts/NotoSans-Regular.ttf");
			PDFont bold = font(document, "fonts/NotoSans-Bold.ttf");
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(content.title() + " " + content.code());
			info.setCreator("tipx");
			float y = PDRectangle.A4.getHeight() - MARGIN;
			try (PDPageContentStream out = new PDPageContentStream(document, page)) {
				y = write(out, bold, 18, content.title(), y, 24);
				y -= 8;
				for (String paragraph : content.paragraphs()) {
					y = write(out, regular, 11, paragraph, y, 15) - 8;
				}
				for (Map.Entry<String, String> field : content.fields().entrySet()) {
					y = write(out, bold, 11, field.getKey(), y, 15);
					y = write(out, regular, 11, field.getValue(), y, 15) - 4;
				}
				y -= 6;
				y = write(out, bold, 12, content.measuresHeading(), y, 17);
				for (String measure : content.measures()) {
					y = write(out, regular, 11, "•  " + measure, y, 15) - 2;
				}
				y -= 12;
				float qrSize = 120;
				drawQr(out, content.url(), MARGIN, y - qrSize, qrSize);
				float textX = MARGIN + qrSize + 16;
				float textY = y - 10;
				textY = write(out, regular, 10, content.verify(), textY, 14, textX, WIDTH - qrSize - 16);
				textY = write(out, bold, 14, content.code(), textY - 6, 18, textX, WIDTH - qrSize - 16);
				write(out, regular, 9, content.url(), textY - 2, 12, textX, WIDTH - qrSize - 16);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not draw the letter", e);
		}
	}

	private static float write(PDPageContentStream out, PDFont font, float size, String text, float y, float leading)
			throws IOException {
		return write(out, font, size, text, y, leading, MARGIN, WIDTH);
	}

	private static float write(PDPageContentStream out, PDFont font, float size, String text, float y, float leading,
			float x, float width) throws IOException {
		for (String line : wrap(font, size, text, width)) {
			out.beginText();
			out.setFont(font, size);
			out.newLineAtOffset(x, y - size);
			out.showText(line);
			out.endText();
			y -= leading;
		}
		return y;
	}

	private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static void drawQr(PDPageContentStream out, String url, float x, float y, float size) throws IOException {
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
					out.addRect(x + column * module, y + size - (row + 1) * module, module, module);
				}
			}
		}
		out.fill();
	}

	private static PDFont font(PDDocument document, String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return PDType0Font.load(document, in);
		}
	}
}
