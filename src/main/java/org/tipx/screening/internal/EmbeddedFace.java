package org.tipx.screening.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.fontbox.ttf.HeaderTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * One face embedded in one letter as a Type 0 font with Identity-H encoding, for glyphs already shaped: each distinct
 * (glyph, text) pair drawn gets a character id, whose glyph the CIDToGIDMap names and whose text the ToUnicode map
 * gives, so that the page's words are searched, copied and extracted in their own script and logical order. Only the
 * glyphs drawn are embedded (a subset, renumbered: the map follows). The font dictionary exists from the start, so
 * pages can name it, and is filled by {@link #embed} once every page is drawn.
 */
final class EmbeddedFace {

	/** The tables a PDF viewer needs to draw TrueType glyphs; shaping tables are left out (the text is shaped). */
	private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
			"fpgm", "gasp");

	private final Face face;

	private final COSDictionary font = new COSDictionary();

	private final Map<String, Integer> ids = new HashMap<>();

	private final List<Integer> glyphOf = new ArrayList<>(List.of(0));

	private final List<String> textOf = new ArrayList<>(List.of(""));

	EmbeddedFace(Face face) {
		this.face = face;
	}

	Face face() {
		return face;
	}

	/** The Type 0 font dictionary, complete after {@link #embed}. */
	COSDictionary dictionary() {
		return font;
	}

	/** The character id that draws {@code glyph} and reads as {@code text}. */
	int id(int glyph, String text) {
		return ids.computeIfAbsent(glyph + ":" + text, key -> {
			glyphOf.add(glyph);
			textOf.add(text);
			if (glyphOf.size() > 0xFFFF) {
				throw new IllegalStateException("too many distinct glyphs for one letter");
			}
			return glyphOf.size() - 1;
		});
	}

	/** Embeds the subset of glyphs drawn and fills the font dictionary. */
	void embed(PDDocument document) throws IOException {
		TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(face.bytes()));
		try {
			TTFSubsetter subsetter = new TTFSubsetter(ttf, TABLES);
			subsetter.addGlyphIds(new TreeSet<>(glyphOf));
			ByteArrayOutputStream subset = new ByteArrayOutputStream();
			subsetter.writeToStream(subset);
			Map<Integer, Integer> newToOld = subsetter.getGIDMap();
			Map<Integer, Integer> oldToNew = new HashMap<>();
			newToOld.forEach((newGlyph, oldGlyph) -> oldToNew.put(oldGlyph, newGlyph));
			String name = tag() + "+" + ttf.getName().replace(" ", "");
			float scale = 1000f / ttf.getUnitsPerEm();

			COSStream fontFile = document.getDocument().createCOSStream();
			try (OutputStream out = fontFile.createOutputStream(COSName.FLATE_DECODE)) {
				out.write(subset.toByteArray());
			}
			fontFile.setInt(COSName.LENGTH1, subset.size());

			HeaderTable head = ttf.getHeader();
			OS2WindowsMetricsTable os2 = ttf.getOS2Windows();
			COSDictionary descriptor = new COSDictionary();
			descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
			descriptor.setName(COSName.FONT_NAME, name);
			descriptor.setInt(COSName.FLAGS, 4);
			COSArray box = new COSArray();
			for (int value : new int[] { head.getXMin(), head.getYMin(), head.getXMax(), head.getYMax() }) {
				box.add(new COSFloat(value * scale));
			}
			descriptor.setItem(COSName.FONT_BBOX, box);
			descriptor.setInt(COSName.ITALIC_ANGLE, 0);
			descriptor.setFloat(COSName.ASCENT, ttf.getHorizontalHeader().getAscender() * scale);
			descriptor.setFloat(COSName.DESCENT, ttf.getHorizontalHeader().getDescender() * scale);
			descriptor.setFloat(COSName.CAP_HEIGHT, (os2 != null && os2.getCapHeight() > 0 ? os2.getCapHeight()
					: ttf.getHorizontalHeader().getAscender()) * scale);
			descriptor.setInt(COSName.STEM_V, face.name().endsWith("BOLD") ? 120 : 80);
			descriptor.setItem(COSName.FONT_FILE2, fontFile);

			COSStream cidToGid = document.getDocument().createCOSStream();
			COSArray widths = new COSArray();
			try (OutputStream out = cidToGid.createOutputStream(COSName.FLATE_DECODE)) {
				for (int cid = 0; cid < glyphOf.size(); cid++) {
					int glyph = oldToNew.getOrDefault(glyphOf.get(cid), 0);
					out.write(glyph >> 8);
					out.write(glyph & 0xFF);
					widths.add(COSInteger.get(Math.round(ttf.getAdvanceWidth(glyphOf.get(cid)) * scale)));
				}
			}
			COSArray w = new COSArray();
			w.add(COSInteger.ZERO);
			w.add(widths);

			COSDictionary systemInfo = new COSDictionary();
			systemInfo.setString(COSName.REGISTRY, "Adobe");
			systemInfo.setString(COSName.ORDERING, "Identity");
			systemInfo.setInt(COSName.SUPPLEMENT, 0);

			COSDictionary cidFont = new COSDictionary();
			cidFont.setItem(COSName.TYPE, COSName.FONT);
			cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
			cidFont.setName(COSName.BASE_FONT, name);
			cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
			cidFont.setItem(COSName.FONT_DESC, descriptor);
			cidFont.setItem(COSName.W, w);
			cidFont.setItem(COSName.CID_TO_GID_MAP, cidToGid);

			COSStream toUnicode = document.getDocument().createCOSStream();
			try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
				out.write(toUnicode().getBytes(StandardCharsets.US_ASCII));
			}

			font.setItem(COSName.TYPE, COSName.FONT);
			font.setItem(COSName.SUBTYPE, COSName.TYPE0);
			font.setName(COSName.BASE_FONT, name);
			font.setItem(COSName.ENCODING, COSName.IDENTITY_H);
			COSArray descendants = new COSArray();
			descendants.add(cidFont);
			font.setItem(COSName.DESCENDANT_FONTS, descendants);
			font.setItem(COSName.TO_UNICODE, toUnicode);
		}
		finally {
			ttf.close();
		}
	}

	/** The ToUnicode CMap: each character id to its text, in UTF-16 as the PDF format wants. */
	private String toUnicode() {
		StringBuilder cmap = new StringBuilder("""
				/CIDInit /ProcSet findresource begin
				12 dict begin
				begincmap
				/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
				/CMapName /Adobe-Identity-UCS def
				/CMapType 2 def
				1 begincodespacerange
				<0000> <FFFF>
				endcodespacerange
				""");
		for (int from = 1; from < textOf.size(); from += 100) {
			int to = Math.min(textOf.size(), from + 100);
			cmap.append(to - from).append(" beginbfchar\n");
			for (int cid = from; cid < to; cid++) {
				cmap.append(String.format(Locale.ROOT, "<%04X> <", cid));
				for (char c : textOf.get(cid).toCharArray()) {
					cmap.append(String.format(Locale.ROOT, "%04X", (int) c));
				}
				cmap.append(">\n");
			}
			cmap.append("endbfchar\n");
		}
		cmap.append("""
				endcmap
				CMapName currentdict /CMap defineresource pop
				end
				end
				""");
		return cmap.toString();
	}

	/** Six capital letters naming the subset, as the PDF format asks of subset fonts. */
	private String tag() {
		long hash = (glyphOf.hashCode() * 31L + face.ordinal()) & 0x7FFFFFFFFFFFL;
		StringBuilder tag = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			tag.append((char) ('A' + hash % 26));
			hash /= 26;
		}
		return tag.toString();
	}
}
