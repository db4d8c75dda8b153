package org.tipx.recruitment.scoring;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.myanmartools.ZawgyiDetector;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * Reads a posting field the way the lexicon needs it, keeping the way back to the original text: HTML removed, Myanmar
 * Zawgyi converted to Unicode, NFKC with case folding (which also drops default-ignorable characters such as zero-width
 * spaces and joiners), then, in the {@linkplain Read#folded() folded} view only, look-alike letters (Cyrillic and Greek)
 * and leetspeak digits folded to Latin inside words that contain Latin letters, and words spelled out letter by letter
 * ("T e l e g r a m", "W.h.a.t.s.A.p.p") joined. The {@linkplain Read#plain() plain} view keeps digits and symbols as
 * they are, for amounts and contacts.
 */
public final class Normalisation {

	/** Above this probability a Myanmar text is read as Zawgyi (myanmar-tools' recommended cut-off is 0.95). */
	private static final double ZAWGYI_PROBABILITY = 0.95;

	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

	private static final Map<Character, Character> LOOKALIKES = lookalikes();

	private static final Map<Character, Character> LEET = Map.of('0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's',
			'7', 't', '@', 'a', '$', 's', '|', 'l');

	private static final Pattern SPELLED_OUT = Pattern
		.compile("(?<![\\p{L}\\p{N}])[a-z](?:[ .\\-_*·•|/]{1,2}[a-z]){3,}(?![\\p{L}\\p{N}])");

	private static final ZawgyiDetector ZAWGYI = new ZawgyiDetector();

	private static final Transliterator ZAWGYI_TO_UNICODE = Transliterator.getInstance("Zawgyi-my");

	private Normalisation() {
	}

	/** Both views of one field. */
	public record Read(NormalisedText plain, NormalisedText folded, boolean zawgyi) {
	}

	public static Read read(String original) {
		TextBuilder stripped = Markup.strip(original);
		NormalisedText base = stripped.build(original);
		boolean zawgyi = false;
		if (hasMyanmar(base.text()) && ZAWGYI.getZawgyiProbability(base.text()) > ZAWGYI_PROBABILITY) {
			base = TextBuilder.compose(base, fromZawgyi(base.text()));
			zawgyi = true;
		}
		NormalisedText plain = TextBuilder.compose(base, caseFolded(base.text()));
		NormalisedText folded = TextBuilder.compose(plain, lookalikesFolded(plain.text()));
		folded = TextBuilder.compose(folded, joined(folded.text()));
		return new Read(plain, folded, zawgyi);
	}

	private static boolean hasMyanmar(String s) {
		return s.codePoints().anyMatch(cp -> cp >= 0x1000 && cp <= 0x109F);
	}

	/** Converted word by word, so that evidence can still point at the Zawgyi word it came from. */
	private static TextBuilder fromZawgyi(String s) {
		TextBuilder out = new TextBuilder(s.length());
		int i = 0;
		while (i < s.length()) {
			int j = i;
			boolean space = Character.isWhitespace(s.charAt(i));
			while (j < s.length() && Character.isWhitespace(s.charAt(j)) == space) {
				j++;
			}
			String piece = s.substring(i, j);
			String converted;
			synchronized (ZAWGYI_TO_UNICODE) {
				converted = space ? piece : ZAWGYI_TO_UNICODE.transliterate(piece);
			}
			out.append(converted, i, j);
			i = j;
		}
		return out;
	}

	/** NFKC and case folding, one grapheme-like cluster (a base and its combining marks) at a time. */
	private static TextBuilder caseFolded(String s) {
		TextBuilder out = new TextBuilder(s.length());
		int i = 0;
		int n = s.length();
		while (i < n) {
			int j = i + Character.charCount(s.codePointAt(i));
			while (j < n && isMark(s.codePointAt(j))) {
				j += Character.charCount(s.codePointAt(j));
			}
			String cluster = s.substring(i, j);
			if (isPlainAscii(cluster)) {
				char c = cluster.charAt(0);
				appendCollapsing(out, c >= 'A' && c <= 'Z' ? (char) (c + 32) : c, i, j);
			}
			else {
				String normal = NFKC_CASEFOLD.normalize(cluster);
				for (int k = 0; k < normal.length(); k++) {
					char c = normal.charAt(k);
					appendCollapsing(out, Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c, i, j);
				}
			}
			i = j;
		}
		return out;
	}

	/** Runs of spaces (line breaks, tabs, tags) read as one space, as lexicon terms are written. */
	private static void appendCollapsing(TextBuilder out, char c, int from, int to) {
		if (c == '\t' || c == '\n' || c == '\r') {
			c = ' ';
		}
		if (c == ' ' && (out.length() == 0 || out.charAt(out.length() - 1) == ' ')) {
			return;
		}
		out.append(c, from, to);
	}

	private static boolean isPlainAscii(String cluster) {
		return cluster.length() == 1 && cluster.charAt(0) < 128 && cluster.charAt(0) >= 32;
	}

	private static boolean isMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	/** Look-alike letters and leetspeak folded, but only inside words that have Latin letters (not in amounts). */
	private static TextBuilder lookalikesFolded(String s) {
		TextBuilder out = new TextBuilder(s.length());
		int n = s.length();
		int i = 0;
		while (i < n) {
			if (!isWordChar(s.charAt(i))) {
				out.append(s.charAt(i), i, i + 1);
				i++;
				continue;
			}
			int j = i;
			boolean latin = false;
			while (j < n && isWordChar(s.charAt(j))) {
				char c = s.charAt(j);
				latin |= c < 128 ? (c >= 'a' && c <= 'z') : UScript.getScript(c) == UScript.LATIN;
				j++;
			}
			for (int k = i; k < j; k++) {
				char c = s.charAt(k);
				char f = c;
				if (latin) {
					f = LOOKALIKES.getOrDefault(c, LEET.getOrDefault(c, c));
				}
				out.append(f, k, k + 1);
			}
			i = j;
		}
		return out;
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || LEET.containsKey(c) || UCharacter.getType(c) == UCharacter.NON_SPACING_MARK;
	}

	private static TextBuilder joined(String s) {
		TextBuilder out = new TextBuilder(s.length());
		Matcher m = SPELLED_OUT.matcher(s);
		int last = 0;
		while (m.find()) {
			for (int k = last; k < m.start(); k++) {
				out.append(s.charAt(k), k, k + 1);
			}
			for (int k = m.start(); k < m.end(); k++) {
				char c = s.charAt(k);
				if (c >= 'a' && c <= 'z') {
					out.append(c, k, k + 1);
				}
			}
			last = m.end();
		}
		for (int k = last; k < s.length(); k++) {
			out.append(s.charAt(k), k, k + 1);
		}
		return out;
	}

	private static Map<Character, Character> lookalikes() {
		String pairs = "аaвbеeёeіiїiјjкkмmнhоoрpсcтtуyхxѕsԁdԛqԝwһhӏlαaβbεeιiκkνvοoρpτtυuχxγyɡgℓl";
		Map<Character, Character> map = new java.util.HashMap<>();
		for (int i = 0; i + 1 < pairs.length(); i += 2) {
			map.put(pairs.charAt(i), pairs.charAt(i + 1));
		}
		return Map.copyOf(map);
	}
}
