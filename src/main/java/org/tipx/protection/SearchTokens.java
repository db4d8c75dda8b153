package org.tipx.protection;

import java.util.List;

/**
 * Keyed tokens of the words of a sealed text, so that a sealed field (a person's name) can be found by an exact word
 * without the word being stored in the clear. A token is a keyed hash (HMAC-SHA-256 under an installation key kept
 * beside the field keyset): equal words give equal tokens, and without the key a token cannot be tested against a
 * guess. Words are compared after Unicode compatibility normalisation, case folding and removal of accents, so
 * "Siti", "SITI" and "Sití" find each other.
 */
public interface SearchTokens {

	/** The distinct tokens of the words of {@code text} (letters and digits; words shorter than two are skipped). */
	List<String> of(String text, String purpose);
}
