package org.tipx.signals.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class Utf8TextTests {

	@Test
	void multiByteCharactersSurviveEveryBufferBoundary() throws IOException {
		String text = "Phnom Penh \u1797\u17D2\u1793\u17C6\u1796\u17C1\u1789 caf\u00e9 \uD83D\uDE00\n".repeat(5_000);
		assertThat(decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
	}

	@Test
	void aByteOrderMarkIsDroppedOnlyAtTheStart() throws IOException {
		assertThat(decode(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'b' })).isEqualTo("ab");
		assertThat(decode(new byte[] { 'a' })).isEqualTo("a");
		assertThat(decode(new byte[0])).isEmpty();
	}

	@Test
	void everyCharacterBeforeABadByteIsHandedOutBeforeTheError() throws IOException {
		byte[] good = "a".repeat(20_000).getBytes(StandardCharsets.UTF_8);
		byte[] bytes = Arrays.copyOf(good, good.length + 2);
		bytes[good.length] = (byte) 0xC3;
		bytes[good.length + 1] = '(';
		Reader reader = Utf8Text.reader(new ByteArrayInputStream(bytes));
		char[] buffer = new char[good.length];
		int read = 0;
		while (read < good.length) {
			read += reader.read(buffer, read, good.length - read);
		}
		assertThatThrownBy(reader::read).isInstanceOf(MalformedInputException.class);
	}

	@Test
	void readingOnAfterTheEndKeepsAnsweringTheEnd() throws IOException {
		Reader reader = Utf8Text.reader(new ByteArrayInputStream("ab".getBytes(StandardCharsets.UTF_8)));
		char[] buffer = new char[10];
		assertThat(reader.read(buffer, 0, 10)).isEqualTo(2);
		assertThat(reader.read(buffer, 0, 10)).isEqualTo(-1);
		assertThat(reader.read(buffer, 0, 10)).isEqualTo(-1);
		assertThat(reader.read()).isEqualTo(-1);
	}

	@Test
	void aSequenceCutOffAtTheEndIsMalformed() {
		assertThatThrownBy(() -> decode(new byte[] { 'a', (byte) 0xE2, (byte) 0x82 }))
				.isInstanceOf(MalformedInputException.class);
	}

	private static String decode(byte[] bytes) throws IOException {
		StringWriter out = new StringWriter();
		try (Reader reader = Utf8Text.reader(new ByteArrayInputStream(bytes))) {
			reader.transferTo(out);
		}
		return out.toString();
	}
}
