package org.tipx.recruitment.scoring;

import java.util.Map;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.ibm.icu.lang.UScript;

/**
 * Tells the language of a posting among the ten the lexicon speaks. The Unicode script decides for Thai, Lao, Khmer,
 * Burmese and Chinese (Lingua has no Khmer, Burmese or Lao model); Lingua decides among the Latin-script languages
 * (English, Indonesian, Malay, Vietnamese, Filipino). Lingua's detector is built once, on first use, with only those
 * five models in low-accuracy mode (about 60 MB instead of gigabytes for all languages).
 */
public final class Languages {

	/** Lingua's answer is read on at most this many characters: enough for a confident answer, cheap. */
	private static final int SAMPLE = 600;

	private static final Map<Language, String> CODES = Map.of(Language.ENGLISH, "en", Language.INDONESIAN, "id",
			Language.MALAY, "ms", Language.VIETNAMESE, "vi", Language.TAGALOG, "tl");

	private volatile LanguageDetector detector;

	/** BCP 47 code ({@code en}, {@code id}, {@code ms}, {@code th}, {@code vi}, {@code tl}, {@code zh}, {@code my}, {@code km}, {@code lo}), or {@code und}. */
	public String of(String text) {
		int thai = 0, lao = 0, khmer = 0, myanmar = 0, han = 0, latin = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 128) {
				if ((c | 32) >= 'a' && (c | 32) <= 'z') {
					latin++;
				}
				continue;
			}
			switch (UScript.getScript(c)) {
				case UScript.THAI -> thai++;
				case UScript.LAO -> lao++;
				case UScript.KHMER -> khmer++;
				case UScript.MYANMAR -> myanmar++;
				case UScript.HAN -> han += 3; // one character is a word
				case UScript.LATIN -> latin++;
				default -> {
				}
			}
		}
		int best = Math.max(Math.max(thai, lao), Math.max(Math.max(khmer, myanmar), han));
		if (best > 0 && best >= latin / 2) {
			return best == thai ? "th" : best == lao ? "lo" : best == khmer ? "km" : best == myanmar ? "my" : "zh";
		}
		if (latin == 0) {
			return "und";
		}
		Language language = detector().detectLanguageOf(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
		return CODES.getOrDefault(language, "en");
	}

	private LanguageDetector detector() {
		LanguageDetector d = detector;
		if (d == null) {
			synchronized (this) {
				d = detector;
				if (d == null) {
					d = LanguageDetectorBuilder
						.fromLanguages(Language.ENGLISH, Language.INDONESIAN, Language.MALAY, Language.VIETNAMESE,
								Language.TAGALOG)
						.withLowAccuracyMode()
						.withPreloadedLanguageModels()
						.build();
					detector = d;
				}
			}
		}
		return d;
	}
}
