package org.tipx.signals.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an import file as strict UTF-8: a leading byte-order mark is dropped, and bytes that are not UTF-8 raise
 * {@link java.nio.charset.MalformedInputException} instead of turning silently into replacement characters.
 */
final class Utf8Text {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private Utf8Text() {
	}

	static Reader reader(InputStream bytes) throws IOException {
		PushbackInputStream in = new PushbackInputStream(bytes, BOM.length);
		byte[] start = in.readNBytes(BOM.length);
		boolean bom = start.length == BOM.length && start[0] == BOM[0] && start[1] == BOM[1] && start[2] == BOM[2];
		if (!bom && start.length > 0) {
			in.unread(start);
		}
		return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
	}
}
