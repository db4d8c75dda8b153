package org.tipx.recruitment.scoring;

import java.util.List;

/** The red-flag lexicons that ship with tipx: the shared one and one per language, read into one trie. */
public final class Lexicons {

	/** The languages the lexicon speaks, as BCP 47 codes. */
	public static final List<String> LANGUAGES = List.of("en", "id", "ms", "th", "vi", "tl", "zh", "my", "km", "lo");

	private Lexicons() {
	}

	public static Lexicon all() {
		Lexicon lexicon = Lexicon.load("/recruitment/lexicon/shared.tsv");
		for (String language : LANGUAGES) {
			lexicon.addAll("/recruitment/lexicon/" + language + ".tsv");
		}
		return lexicon;
	}
}
