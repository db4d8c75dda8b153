package org.tipx.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8Tests {

	@Test
	void everyScriptTipxServesPassesWhateverTheChunking() {
		byte[] text = "{\"title\":\"Phnom Penh \u1797\u17D2\u1793\u17C6 caf\u00e9 \u6b64\u4eba \uD83D\uDE00 \u0e1b\u0e23\"}"
				.getBytes(StandardCharsets.UTF_8);
		for (int chunk = 1; chunk <= text.length; chunk++) {
			StrictUtf8 check = new StrictUtf8();
			int size = chunk;
			assertThatCode(() -> {
				for (int i = 0; i < text.length; i += size) {
					check.accept(text, i, Math.min(size, text.length - i));
				}
				check.end();
			}).as("chunks of " + chunk).doesNotThrowAnyException();
		}
	}

	@Test
	void overlongFormsSurrogatesAndCodesBeyondUnicodeAreRefused() {
		int[][] bad = { { 0xC0, 0xAF }, { 0xC1, 0xBF }, { 0xE0, 0x80, 0xAF }, { 0xF0, 0x80, 0x80, 0xAF },
				{ 0xED, 0xA0, 0x80 }, { 0xF4, 0x90, 0x80, 0x80 }, { 0xF8 }, { 0xFF }, { 0x80 }, { 0xC3, 0x28 } };
		for (int[] bytes : bad) {
			StrictUtf8 check = new StrictUtf8();
			assertThatThrownBy(() -> {
				for (int b : bytes) {
					check.accept(b);
				}
				check.end();
			}).isInstanceOf(StrictUtf8.NotUtf8.class);
		}
	}

	@Test
	void aSequenceCutOffAtTheEndIsRefused() {
		StrictUtf8 check = new StrictUtf8();
		assertThatCode(() -> check.accept(new byte[] { 'a', (byte) 0xE2, (byte) 0x82 }, 0, 3))
				.doesNotThrowAnyException();
		assertThatThrownBy(check::end).isInstanceOf(StrictUtf8.NotUtf8.class);
	}
}
