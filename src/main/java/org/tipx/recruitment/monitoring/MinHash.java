package org.tipx.recruitment.monitoring;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.ibm.icu.text.BreakIterator;

/**
 * Near-duplicate detection for postings: MinHash over word 3-shingles with LSH banding (ADR 0025). Words come from
 * ICU's word break rules on the NFKC, case-folded text, so Thai, Lao, Khmer, Burmese and Chinese, written without
 * spaces, are cut into dictionary words too. {@value #HASHES} hashes in {@value #BANDS} bands of {@value #ROWS}: two
 * postings whose shingle sets have Jaccard similarity 0.7 share a band with probability 0.9998, at 0.3 with 0.23,
 * and a candidate counts as a near-duplicate when its estimated similarity reaches {@value #NEAR_DUPLICATE}.
 */
final class MinHash {

	static final int HASHES = 128;

	static final int BANDS = 32;

	static final int ROWS = HASHES / BANDS;

	static final double NEAR_DUPLICATE = 0.7;

	private static final int SHINGLE = 3;

	private static final long[] SEEDS = new SplittableRandom(0x7469_7078L).longs(HASHES).toArray();

	private MinHash() {
	}

	/** The signature of a text; a text without words has a signature of all {@code Integer.MAX_VALUE}. */
	static int[] signature(String text) {
		int[] signature = new int[HASHES];
		java.util.Arrays.fill(signature, Integer.MAX_VALUE);
		for (String shingle : shingles(text)) {
			long base = Hashing.murmur3_128().hashString(shingle, StandardCharsets.UTF_8).asLong();
			for (int i = 0; i < HASHES; i++) {
				int h = (int) (mix(base ^ SEEDS[i]) >>> 33);
				if (h < signature[i]) {
					signature[i] = h;
				}
			}
		}
		return signature;
	}

	/** The estimated Jaccard similarity of the two shingle sets: the share of positions where the minima agree. */
	static double similarity(int[] a, int[] b) {
		int same = 0;
		for (int i = 0; i < HASHES; i++) {
			if (a[i] == b[i]) {
				same++;
			}
		}
		return same / (double) HASHES;
	}

	/** One hash per band: postings with an equal band hash are candidates. */
	static long[] bands(int[] signature) {
		long[] bands = new long[BANDS];
		for (int band = 0; band < BANDS; band++) {
			Hasher hasher = Hashing.murmur3_128().newHasher().putInt(band);
			for (int row = 0; row < ROWS; row++) {
				hasher.putInt(signature[band * ROWS + row]);
			}
			bands[band] = hasher.hash().asLong();
		}
		return bands;
	}

	static Set<String> shingles(String text) {
		List<String> words = words(text);
		Set<String> shingles = new LinkedHashSet<>();
		if (words.size() < SHINGLE) {
			shingles.addAll(words);
			return shingles;
		}
		for (int i = 0; i + SHINGLE <= words.size(); i++) {
			shingles.add(String.join(" ", words.subList(i, i + SHINGLE)));
		}
		return shingles;
	}

	static List<String> words(String text) {
		String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		BreakIterator breaks = BreakIterator.getWordInstance(Locale.ROOT);
		breaks.setText(folded);
		List<String> words = new ArrayList<>();
		int start = breaks.first();
		for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
			if (breaks.getRuleStatus() != BreakIterator.WORD_NONE) {
				words.add(folded.substring(start, end));
			}
		}
		return words;
	}

	/** SplitMix64's finaliser: a cheap, well-spread permutation of 64-bit values. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
