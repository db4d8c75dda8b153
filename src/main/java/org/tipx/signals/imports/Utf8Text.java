package org.tipx.signals.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an import file as strict UTF-8. A leading byte-order mark is dropped. Bytes that are not UTF-8 raise
 * {@link MalformedInputException} instead of turning silently into replacement characters, and only after every
 * character before them has been handed out, so the reader above knows which row they are in (the JDK's
 * InputStreamReader throws as soon as it meets them, up to 8 KB early).
 */
final class Utf8Text extends Reader {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

	private final CharBuffer chars = CharBuffer.allocate(8192).flip();

	private boolean eof;

	/** The decoder was flushed: the end was handed out, and a decoder may not be called again after its flush. */
	private boolean flushed;

	private MalformedInputException pending;

	private Utf8Text(InputStream in) {
		this.in = in;
	}

	static Reader reader(InputStream bytes) throws IOException {
		PushbackInputStream in = new PushbackInputStream(bytes, BOM.length);
		byte[] start = in.readNBytes(BOM.length);
		boolean bom = start.length == BOM.length && start[0] == BOM[0] && start[1] == BOM[1] && start[2] == BOM[2];
		if (!bom && start.length > 0) {
			in.unread(start);
		}
		return new Utf8Text(in);
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (!chars.hasRemaining() && !decodeMore()) {
			return -1;
		}
		int n = Math.min(length, chars.remaining());
		chars.get(buffer, offset, n);
		return n;
	}

	/** Decodes the next characters; false at the end of the input. */
	private boolean decodeMore() throws IOException {
		if (flushed) {
			return false;
		}
		chars.clear();
		try {
			while (chars.position() == 0) {
				if (pending != null) {
					throw pending;
				}
				CoderResult result = decoder.decode(bytes, chars, eof);
				if (result.isError()) {
					pending = new MalformedInputException(result.length());
				}
				else if (result.isOverflow()) {
					break;
				}
				else if (eof) {
					decoder.flush(chars);
					flushed = true;
					break;
				}
				else {
					readBytes();
				}
			}
		}
		finally {
			chars.flip();
		}
		return chars.hasRemaining();
	}

	private void readBytes() throws IOException {
		bytes.compact();
		int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
		if (n < 0) {
			eof = true;
		}
		else {
			bytes.position(bytes.position() + n);
		}
		bytes.flip();
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
