package org.tipx.flows.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

import org.tipx.flows.TaintModel;

/**
 * Freeze-request candidates as a PDF an investigator can hand to each exchange: a section per exchange, and per address
 * the amounts under the four models, the transfers into it and the sweeps that made it a deposit address. Set in
 * Noto Sans embedded from src/main/resources/fonts (as the screening letters are), so it reads back as text on any
 * machine; a character the face lacks is drawn as "?".
 */
public final class FreezeCandidatePdf {

	private static final float MARGIN = 50;

	private static final float SIZE = 9;

	private static final float LEADING = 12;

	private FreezeCandidatePdf() {
	}

	public static byte[] render(FreezeCandidates.Report report) {
		try (PDDocument document = new PDDocument()) {
			PDType0Font regular = font(document, "NotoSans-Regular.ttf");
			PDType0Font bold = font(document, "NotoSans-Bold.ttf");
			Pages pages = new Pages(document);
			pages.line(bold, 14, "Freeze-request candidates");
			pages.line(regular, SIZE, "Generated " + report.generatedAt() + " by tipx, reference " + report.id());
			pages.line(regular, SIZE, "Forward trace of " + String.join(", ", report.seeds()) + ", at most "
					+ report.maxHops() + " hops" + (report.partial() ? "; PARTIAL: the trace budget ran out" : "")
					+ (report.hopLimitReached() ? "; the hop limit was reached" : ""));
			pages.line(regular, SIZE, "Amounts are the tainted amount at each address under each taint model "
					+ "(poison, haircut, FIFO, LIFO).");
			if (report.candidates().isEmpty()) {
				pages.line(regular, SIZE, "The trace reached no exchange or OTC desk.");
			}
			String exchange = null;
			for (FreezeCandidates.Candidate c : report.candidates()) {
				if (!c.exchange().equals(exchange)) {
					exchange = c.exchange();
					pages.gap();
					pages.line(bold, 12, exchange);
				}
				pages.gap();
				pages.line(bold, SIZE, c.kind() + ": " + c.address() + " (" + c.chain() + ", " + c.asset() + ")");
				pages.line(regular, SIZE, "Tag source: " + (c.source() == null ? "" : c.source()));
				pages.line(regular, SIZE, "Poison " + c.amounts().get(TaintModel.POISON) + "   Haircut "
						+ c.amounts().get(TaintModel.HAIRCUT) + "   FIFO " + c.amounts().get(TaintModel.FIFO) + "   LIFO "
						+ c.amounts().get(TaintModel.LIFO) + "   " + c.asset());
				for (FreezeCandidates.Evidence e : c.transfers()) {
					pages.line(regular, SIZE, "Transfer in " + e.tx() + " at " + e.time() + " from " + e.counterpart()
							+ ": " + e.amount());
				}
				for (FreezeCandidates.Evidence e : c.sweeps()) {
					pages.line(regular, SIZE, "Sweep " + e.tx() + " at " + e.time() + " to " + e.counterpart() + ": "
							+ e.amount());
				}
			}
			pages.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("the freeze-request PDF could not be written", e);
		}
	}

	private static PDType0Font font(PDDocument document, String file) throws IOException {
		try (InputStream in = new ClassPathResource("fonts/" + file).getInputStream()) {
			return PDType0Font.load(document, in, true);
		}
	}

	/** Lines set top to bottom, wrapped to the page width, onto as many A4 pages as needed. */
	private static final class Pages {

		private final PDDocument document;

		private PDPageContentStream stream;

		private float y;

		Pages(PDDocument document) {
			this.document = document;
		}

		void gap() {
			y -= LEADING / 2;
		}

		void line(PDType0Font font, float size, String text) throws IOException {
			for (String piece : wrap(font, size, drawable(font, text))) {
				if (stream == null || y < MARGIN + size) {
					newPage();
				}
				stream.beginText();
				stream.setFont(font, size);
				stream.newLineAtOffset(MARGIN, y - size);
				stream.showText(piece);
				stream.endText();
				y -= Math.max(LEADING, size * 1.4f);
			}
		}

		private void newPage() throws IOException {
			close();
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			stream = new PDPageContentStream(document, page);
			y = page.getMediaBox().getHeight() - MARGIN;
		}

		void close() throws IOException {
			if (stream != null) {
				stream.close();
				stream = null;
			}
		}

		private static List<String> wrap(PDType0Font font, float size, String text) throws IOException {
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.split(" ", -1)) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
					line.setLength(0);
					line.append(candidate);
				}
				else {
					lines.add(line.toString());
					line.setLength(0);
					line.append(word);
				}
			}
			lines.add(line.toString());
			return lines;
		}

		/** The text with characters the face cannot draw (and control characters) replaced by "?". */
		private static String drawable(PDType0Font font, String text) {
			StringBuilder out = new StringBuilder();
			text.codePoints().forEach(cp -> {
				String ch = new String(Character.toChars(cp));
				try {
					if (Character.isISOControl(cp)) {
						throw new IllegalArgumentException("control");
					}
					font.encode(ch);
					out.append(ch);
				}
				catch (IllegalArgumentException | IOException e) {
					out.append('?');
				}
			});
			return out.toString();
		}
	}
}
