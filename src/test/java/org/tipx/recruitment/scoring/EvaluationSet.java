package org.tipx.recruitment.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.tipx.recruitment.Posting;

import com.ibm.icu.text.Transliterator;

/** The multilingual evaluation set ({@code src/test/resources/recruitment/multilingual.tsv}, sources in SOURCES.md). */
public final class EvaluationSet {

	/** One ad: the posting as a platform would send it, its language, whether it follows the scam pattern, its kind. */
	public record Ad(String id, String language, boolean scam, String kind, String source, Posting posting) {
	}

	private EvaluationSet() {
	}

	public static List<Ad> ads() {
		Transliterator toZawgyi = Transliterator.getInstance("my-Zawgyi");
		List<Ad> ads = new ArrayList<>();
		try (InputStream in = EvaluationSet.class.getResourceAsStream("/recruitment/multilingual.tsv")) {
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] c = line.split("\t");
				String title = c[5];
				String text = c[6];
				if (c[3].equals("zawgyi")) {
					title = toZawgyi.transliterate(title);
					text = toZawgyi.transliterate(text);
				}
				ads.add(new Ad(c[0], c[1], c[2].equals("scam"), c[3], c[4],
						new Posting(c[0], title, text, null, null, null, null, null, "evaluation")));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return ads;
	}
}
