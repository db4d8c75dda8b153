package org.tipx.signals.canonical;

import java.util.regex.Pattern;

import com.google.myanmartools.ZawgyiDetector;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

import org.tipx.signals.IndicatorType;

/**
 * Names of organisations and aliases of people, reduced so that spellings of one name meet: Myanmar text typed in the
 * Zawgyi font encoding converted to Unicode (Google's myanmar-tools detects it, ICU converts it), then Unicode NFKC
 * with case folding (full-width letters become plain, case and ignorable characters stop mattering), and runs of
 * spaces made one. Names are weak identifiers: they suggest links, never make them.
 */
final class Names implements Canonicaliser {

	/** myanmar-tools' advice: above this the text is Zawgyi with near certainty; Unicode text scores near zero. */
	private static final double ZAWGYI_CERTAINTY = 0.95;

	private static final int MAX_NAME = 500;

	private static final Pattern MYANMAR = Pattern.compile(".*[\\u1000-\\u109F\\uAA60-\\uAA7F\\uA9E0-\\uA9FF].*",
			Pattern.DOTALL);

	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private static final ZawgyiDetector DETECTOR = new ZawgyiDetector();

	private static final Transliterator ZAWGYI_TO_UNICODE = Transliterator.getInstance("Zawgyi-my");

	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

	private final IndicatorType type;

	Names(IndicatorType type) {
		if (!type.weak()) {
			throw new IllegalArgumentException(type.wire() + " is not a name");
		}
		this.type = type;
	}

	@Override
	public IndicatorType type() {
		return type;
	}

	@Override
	public Canonical canonicalise(RawIndicator indicator) {
		Trail trail = new Trail(type);
		String text = indicator.value();
		if (text.length() > MAX_NAME) {
			return trail.invalid(text.substring(0, 100) + "…", "longer than " + MAX_NAME + " characters: not a name");
		}
		if (MYANMAR.matcher(text).matches()) {
			double zawgyi = DETECTOR.getZawgyiProbability(text);
			if (zawgyi > ZAWGYI_CERTAINTY) {
				text = zawgyiToUnicode(text);
				trail.step("converted Myanmar text typed in the Zawgyi encoding to Unicode");
				trail.detail("myanmarEncoding", "zawgyi");
			}
			else {
				trail.detail("myanmarEncoding", "unicode");
			}
		}
		String folded = NFKC_CASEFOLD.normalize(text);
		if (!folded.equals(text)) {
			trail.step("folded case and compatibility forms (Unicode NFKC case folding)");
		}
		String spaced = SPACES.matcher(folded).replaceAll(" ").strip();
		if (!spaced.equals(folded)) {
			trail.step("made each run of spaces one space");
		}
		if (spaced.isEmpty()) {
			return trail.invalid(spaced, "empty");
		}
		trail.detail("strength", "weak: suggests links, never makes them");
		return trail.valid(spaced);
	}

	private static String zawgyiToUnicode(String text) {
		// ICU transliterators keep state while transliterating: one caller at a time.
		synchronized (ZAWGYI_TO_UNICODE) {
			return ZAWGYI_TO_UNICODE.transliterate(text);
		}
	}
}
