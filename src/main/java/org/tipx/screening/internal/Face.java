package org.tipx.screening.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;

/**
 * The TrueType faces shipped for letters (src/main/resources/fonts, each under its licence there): Noto Sans for Latin
 * (English, Indonesian, Vietnamese, Filipino, Malay), Noto Sans Thai, Khmer, Myanmar and Lao, and Droid Sans Fallback
 * for Chinese. Each character of a text is set in the first face of {@link #fallback} that has it. Droid Sans Fallback
 * has no bold: its bold face is the regular one drawn with a thin outline.
 */
enum Face {

	LATIN("NotoSans-Regular.ttf"), LATIN_BOLD("NotoSans-Bold.ttf"), THAI("NotoSansThai-Regular.ttf"),
	THAI_BOLD("NotoSansThai-Bold.ttf"), KHMER("NotoSansKhmer-Regular.ttf"), KHMER_BOLD("NotoSansKhmer-Bold.ttf"),
	MYANMAR("NotoSansMyanmar-Regular.ttf"), MYANMAR_BOLD("NotoSansMyanmar-Bold.ttf"), LAO("NotoSansLao-Regular.ttf"),
	LAO_BOLD("NotoSansLao-Bold.ttf"), HAN("DroidSansFallbackFull.ttf"), HAN_BOLD("DroidSansFallbackFull.ttf");

	private static final List<Face> REGULAR = List.of(LATIN, THAI, KHMER, MYANMAR, LAO, HAN);

	private static final List<Face> BOLD = List.of(LATIN_BOLD, THAI_BOLD, KHMER_BOLD, MYANMAR_BOLD, LAO_BOLD, HAN_BOLD);

	/** Font files by name, read once: HAN and HAN_BOLD share theirs. */
	private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

	private static final Map<Face, Font> AWT = new ConcurrentHashMap<>();

	private final String file;

	Face(String file) {
		this.file = file;
	}

	/** The faces to try, in order, for a character of regular or bold text. */
	static List<Face> fallback(boolean bold) {
		return bold ? BOLD : REGULAR;
	}

	/** Whether bold is imitated by outlining the regular glyphs (the face has no bold of its own). */
	boolean emboldened() {
		return this == HAN_BOLD;
	}

	/** The TrueType file's bytes. */
	byte[] bytes() {
		return FILES.computeIfAbsent(file, name -> {
			try (InputStream in = new ClassPathResource("fonts/" + name).getInputStream()) {
				return in.readAllBytes();
			}
			catch (IOException e) {
				throw new UncheckedIOException("the letter font " + name + " is missing", e);
			}
		});
	}

	/** The height from the face's highest to its lowest point, for a size of 1: Burmese and Khmer need more room. */
	float height() {
		LineMetrics metrics = awt().getLineMetrics("x", new FontRenderContext(null, true, true));
		return metrics.getAscent() + metrics.getDescent();
	}

	/** The face as a Java2D font of size 1, whose layout (HarfBuzz) shapes complex scripts. */
	Font awt() {
		return AWT.computeIfAbsent(this, face -> {
			try {
				return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes()));
			}
			catch (FontFormatException | IOException e) {
				throw new IllegalStateException("the letter font " + file + " cannot be read", e);
			}
		});
	}
}
