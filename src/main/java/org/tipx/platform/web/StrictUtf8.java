package org.tipx.platform.web;

import java.io.IOException;

/**
 * Checks a byte stream, as it passes, against the UTF-8 of RFC 3629: no overlong forms (such as {@code C0 AF} for
 * {@code /}), no encoded surrogates, nothing above U+10FFFF, no sequence cut off at the end. Jackson decodes some
 * such bytes leniently, so a filter that looked for a character in the text could be passed by spelling it another
 * way; refusing them before they are decoded closes that door.
 */
final class StrictUtf8 {

	/** Continuation bytes still expected in the current sequence. */
	private int expected;

	/** The range the next continuation byte must fall in (narrower for the first one after some lead bytes). */
	private int low = 0x80;

	private int high = 0xBF;

	private long offset;

	/** Checks the next bytes. */
	void accept(byte[] bytes, int from, int length) throws NotUtf8 {
		for (int i = from; i < from + length; i++) {
			accept(bytes[i] & 0xFF);
		}
	}

	/** Checks the next byte. */
	void accept(int b) throws NotUtf8 {
		if (expected > 0) {
			if (b < low || b > high) {
				throw new NotUtf8(offset);
			}
			expected--;
			low = 0x80;
			high = 0xBF;
		}
		else if (b >= 0x80) {
			lead(b);
		}
		offset++;
	}

	/** The input ended: a sequence still open is cut off. */
	void end() throws NotUtf8 {
		if (expected > 0) {
			throw new NotUtf8(offset);
		}
	}

	private void lead(int b) throws NotUtf8 {
		if (b >= 0xC2 && b <= 0xDF) {
			expected = 1;
		}
		else if (b == 0xE0) {
			expect(2, 0xA0, 0xBF);
		}
		else if (b == 0xED) {
			expect(2, 0x80, 0x9F);
		}
		else if (b >= 0xE1 && b <= 0xEF) {
			expected = 2;
		}
		else if (b == 0xF0) {
			expect(3, 0x90, 0xBF);
		}
		else if (b == 0xF4) {
			expect(3, 0x80, 0x8F);
		}
		else if (b >= 0xF1 && b <= 0xF3) {
			expected = 3;
		}
		else {
			throw new NotUtf8(offset);
		}
	}

	private void expect(int count, int firstLow, int firstHigh) {
		expected = count;
		low = firstLow;
		high = firstHigh;
	}

	/** Bytes that are not UTF-8, at a byte offset of the body. */
	static final class NotUtf8 extends IOException {

		NotUtf8(long offset) {
			super("bytes that are not UTF-8 at byte " + offset);
		}
	}
}
