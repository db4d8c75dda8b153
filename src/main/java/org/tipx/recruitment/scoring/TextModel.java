package org.tipx.recruitment.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statistical text model: a logistic regression over the words and word pairs of a posting's title and text,
 * trained with Tribuo on EMSCAD ({@code bench/recruitment-train.sh}) and shipped as its weights
 * ({@code recruitment/model/text-model.tsv}: a header line, the bias, then {@code feature<TAB>weight}). Reading the
 * weights directly keeps scoring free of Tribuo's object graph and fast. Text only: no field-emptiness feature is
 * used, since EMSCAD's empty company profiles would otherwise carry the model.
 */
public final class TextModel {

	public static final String RESOURCE = "/recruitment/model/text-model.tsv";

	private final double bias;

	private final Map<String, Float> weights;

	TextModel(double bias, Map<String, Float> weights) {
		this.bias = bias;
		this.weights = weights;
	}

	/** The shipped model, or a model that says nothing (logit 0) when none ships. */
	public static TextModel shipped() {
		try (InputStream in = TextModel.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return new TextModel(0, Map.of());
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.readLine();
			double bias = Double.parseDouble(reader.readLine().split("\t")[1]);
			Map<String, Float> weights = new HashMap<>();
			String line;
			while ((line = reader.readLine()) != null) {
				int tab = line.lastIndexOf('\t');
				weights.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
			}
			return new TextModel(bias, weights);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public boolean trained() {
		return !weights.isEmpty();
	}

	/** Log-odds of fraud from the text alone. */
	public double logit(String folded) {
		Set<String> features = features(folded);
		if (features.isEmpty()) {
			return bias;
		}
		double value = 1 / Math.sqrt(features.size());
		double z = bias;
		for (String f : features) {
			Float w = weights.get(f);
			if (w != null) {
				z += w * value;
			}
		}
		return z;
	}

	/**
	 * The features of a text (already folded): its words of two or more letters and adjacent word pairs, each once.
	 * Training uses this same method, so the model reads text exactly as it was trained.
	 */
	public static Set<String> features(String folded) {
		List<String> words = new ArrayList<>();
		int n = folded.length();
		int i = 0;
		while (i < n) {
			while (i < n && !Character.isLetter(folded.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < n && Character.isLetter(folded.charAt(i))) {
				i++;
			}
			if (i - start >= 2) {
				words.add(folded.substring(start, i));
			}
		}
		Set<String> features = new LinkedHashSet<>(words.size() * 2);
		for (int k = 0; k < words.size(); k++) {
			features.add(words.get(k));
			if (k > 0) {
				features.add(words.get(k - 1) + "_" + words.get(k));
			}
		}
		return features;
	}
}
