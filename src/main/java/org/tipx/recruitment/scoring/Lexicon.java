package org.tipx.recruitment.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ibm.icu.lang.UScript;

/**
 * The red-flag lexicon of one language (or the shared one): terms already in normalised form, each with its indicator
 * and weight, matched in one pass with a character trie. Latin-script terms match whole words (a term ending in
 * {@code *} also matches longer words); terms in scripts written without spaces match anywhere, the segmentation
 * being checked by the caller. Lines of the resource: {@code indicator<TAB>weight<TAB>term}; {@code #} starts a
 * comment.
 */
public final class Lexicon {

	/** One term found in a text, as normalised character offsets. */
	public record Hit(String indicator, double weight, String term, int start, int end) {
	}

	private record Term(String indicator, double weight, String text, boolean prefix, boolean bounded) {
	}

	private static final class Node {

		final Map<Character, Node> next = new HashMap<>(4);

		List<Term> terms;
	}

	private final Node root = new Node();

	private int size;

	private Lexicon() {
	}

	public int size() {
		return size;
	}

	public static Lexicon load(String resource) {
		Lexicon lexicon = new Lexicon();
		lexicon.addAll(resource);
		return lexicon;
	}

	/** Adds the terms of another resource of the same format. */
	void addAll(String resource) {
		Lexicon lexicon = this;
		try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing lexicon " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t");
				if (parts.length != 3) {
					throw new IllegalStateException(resource + ": not indicator<TAB>weight<TAB>term: " + line);
				}
				lexicon.add(parts[0].strip(), Double.parseDouble(parts[1].strip()), parts[2].strip());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void add(String indicator, double weight, String term) {
		boolean prefix = term.endsWith("*");
		String text = Normalisation.read(prefix ? term.substring(0, term.length() - 1) : term).folded().text();
		boolean bounded = text.codePoints().anyMatch(cp -> UScript.getScript(cp) == UScript.LATIN);
		Node node = root;
		for (int i = 0; i < text.length(); i++) {
			node = node.next.computeIfAbsent(text.charAt(i), c -> new Node());
		}
		if (node.terms == null) {
			node.terms = new ArrayList<>(1);
		}
		node.terms.add(new Term(indicator, weight, text, prefix, bounded));
		size++;
	}

	/** Every term found in {@code text} (a folded view), longest first at each position. */
	public List<Hit> find(String text) {
		List<Hit> hits = new ArrayList<>();
		int n = text.length();
		for (int i = 0; i < n; i++) {
			Node node = root.next.get(text.charAt(i));
			if (node == null) {
				continue;
			}
			boolean startsWord = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
			int j = i + 1;
			while (node != null) {
				if (node.terms != null) {
					for (Term term : node.terms) {
						if (matches(term, text, startsWord, j)) {
							hits.add(new Hit(term.indicator, term.weight, term.text, i, term.prefix ? wordEnd(text, j) : j));
						}
					}
				}
				if (j >= n) {
					break;
				}
				node = node.next.get(text.charAt(j));
				j++;
			}
		}
		return hits;
	}

	private static boolean matches(Term term, String text, boolean startsWord, int end) {
		if (!term.bounded) {
			return true;
		}
		if (!startsWord) {
			return false;
		}
		return term.prefix || end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
	}

	private static int wordEnd(String text, int from) {
		int j = from;
		while (j < text.length() && Character.isLetterOrDigit(text.charAt(j))) {
			j++;
		}
		return j;
	}
}
