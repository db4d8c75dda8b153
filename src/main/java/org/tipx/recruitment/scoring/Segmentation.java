package org.tipx.recruitment.scoring;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Word boundaries in scripts written without spaces (Thai, Lao, Khmer, Burmese, Chinese), from ICU's dictionary-based
 * segmentation (Lucene's {@link ICUTokenizer}). A lexicon term in those scripts counts only where a word starts, so
 * that a short term is not found inside an unrelated longer word.
 */
final class Segmentation {

	private Segmentation() {
	}

	/** The words of {@code text}, in order. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		each(text, (term, start, end) -> words.add(term));
		return words;
	}

	/** Offsets at which ICU starts a word. */
	static BitSet wordStarts(String text) {
		BitSet starts = new BitSet(text.length());
		each(text, (term, start, end) -> starts.set(start));
		return starts;
	}

	private interface Visitor {
		void word(String term, int start, int end);
	}

	private static void each(String text, Visitor visitor) {
		try (ICUTokenizer tokenizer = new ICUTokenizer()) {
			tokenizer.setReader(new StringReader(text));
			CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
			tokenizer.reset();
			while (tokenizer.incrementToken()) {
				visitor.word(term.toString(), offset.startOffset(), offset.endOffset());
			}
			tokenizer.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
