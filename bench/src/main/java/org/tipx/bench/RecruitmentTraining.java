package org.tipx.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.tipx.recruitment.scoring.Normalisation;
import org.tipx.recruitment.scoring.TextModel;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ListExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Trains the recruitment text model with Tribuo on EMSCAD (issue 14 items 3b and 7) and prints stratified 5-fold
 * cross-validation figures on the fraudulent class: text only (what ships) and with field-emptiness features (the
 * biased variant, shown for comparison only), beside the lexicon alone on the same rows. Then trains on all rows and
 * writes the weights to {@code src/main/resources/recruitment/model/text-model.tsv}, and checks that Tribuo's own
 * protobuf serialisation works with the protobuf-java on the classpath.
 * Usage: bench/recruitment-train.sh [path/to/emscad_train.csv]
 */
public final class RecruitmentTraining {

	static final String FRAUD = "fraud";

	static final String LEGIT = "legit";

	record Row(String text, boolean fraud, Set<String> emptyFields) {
	}

	public static void main(String[] args) throws IOException {
		Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/recruitment/emscad_train.csv");
		if (!Files.exists(csv)) {
			System.out.println("EMSCAD training file not found at " + csv + ": nothing trained");
			return;
		}
		List<Row> rows = read(csv);
		long frauds = rows.stream().filter(Row::fraud).count();
		System.out.printf(Locale.ROOT, "==== recruitment model ====%nrows %d (fraudulent %d)%n", rows.size(), frauds);
		long start = System.nanoTime();
		System.out.println("text only, stratified 5-fold CV:           " + crossValidate(rows, false));
		Calibrating.run(rows, outOfFoldLogits(rows, false));
		System.out.println("text + field emptiness, 5-fold CV (biased): " + crossValidate(rows, true));
		System.out.println("lexicon alone (baseline, same rows):        " + lexiconBaseline(rows));
		Weights all = train(rows, false);
		Path out = Path.of("src/main/resources/recruitment/model/text-model.tsv");
		try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			w.write("# logistic regression trained with Tribuo 4.3.2 LinearSGDTrainer on EMSCAD text (bench/recruitment-train.sh)\n");
			w.write("(bias)\t" + all.bias + "\n");
			List<String> names = new ArrayList<>(all.weights.keySet());
			Collections.sort(names);
			for (String name : names) {
				float weight = all.weights.get(name);
				if (Math.abs(weight) >= 0.05f) {
					w.write(name + "\t" + weight + "\n");
				}
			}
		}
		System.out.println("wrote " + out + " (" + Files.size(out) / 1024 + " KB)");
		try {
			Path proto = Files.createTempFile("tribuo", ".model");
			all.model.serializeToFile(proto);
			System.out.println("Tribuo protobuf serialisation: works (" + Files.size(proto) / 1024 + " KB)");
			Files.delete(proto);
		}
		catch (RuntimeException | LinkageError e) {
			System.out.println("Tribuo protobuf serialisation: FAILS with the protobuf-java on the classpath (" + e + ")");
		}
		System.out.printf(Locale.ROOT, "took %.1f s%n===========================%n", (System.nanoTime() - start) / 1e9);
	}

	static List<Row> read(Path csv) throws IOException {
		CsvMapper mapper = new CsvMapper();
		CsvSchema schema = CsvSchema.emptySchema().withHeader();
		List<Row> rows = new ArrayList<>();
		try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(csv.toFile())) {
			while (it.hasNext()) {
				Map<String, String> r = it.next();
				// Text only: the company profile is left out because its emptiness is the dataset's bias.
				String text = String.join("\n", r.getOrDefault("title", ""), r.getOrDefault("description", ""),
						r.getOrDefault("requirements", ""), r.getOrDefault("benefits", ""));
				Set<String> empty = new java.util.HashSet<>();
				for (String field : List.of("company_profile", "salary_range", "requirements", "benefits", "department",
						"industry", "function")) {
					if (r.getOrDefault(field, "").isBlank()) {
						empty.add("empty:" + field);
					}
				}
				rows.add(new Row(Normalisation.read(text).folded().text(), "1".equals(r.get("fraudulent")), empty));
			}
		}
		return rows;
	}

	record Weights(double bias, Map<String, Float> weights, LinearSGDModel model) {

		double logit(Row row, boolean emptiness) {
			Set<String> features = features(row, emptiness);
			double value = 1 / Math.sqrt(Math.max(1, features.size()));
			double z = bias;
			for (String f : features) {
				Float w = weights.get(f);
				if (w != null) {
					z += w * value;
				}
			}
			return z;
		}
	}

	static Set<String> features(Row row, boolean emptiness) {
		Set<String> features = TextModel.features(row.text());
		if (emptiness) {
			features = new java.util.LinkedHashSet<>(features);
			features.addAll(row.emptyFields());
		}
		return features;
	}

	static Weights train(List<Row> rows, boolean emptiness) {
		LabelFactory labels = new LabelFactory();
		MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("emscad", labels), labels);
		for (Row row : rows) {
			Set<String> features = features(row, emptiness);
			double value = 1 / Math.sqrt(Math.max(1, features.size()));
			List<String> names = new ArrayList<>(features);
			double[] values = new double[names.size()];
			java.util.Arrays.fill(values, value);
			Example<Label> example = new ListExample<>(new Label(row.fraud() ? FRAUD : LEGIT), names.toArray(String[]::new),
					values);
			data.add(example);
		}
		LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 15, Integer.MAX_VALUE, 42L);
		LinearSGDModel model = trainer.train(data);
		DenseMatrix w = model.getWeightsCopy();
		int fraud = model.getOutputIDInfo().getID(new Label(FRAUD));
		int legit = model.getOutputIDInfo().getID(new Label(LEGIT));
		int n = model.getFeatureIDMap().size();
		Map<String, Float> weights = new HashMap<>();
		for (int i = 0; i < n; i++) {
			String name = model.getFeatureIDMap().get(i).getName();
			weights.put(name, (float) (w.get(fraud, i) - w.get(legit, i)));
		}
		double bias = w.get(fraud, n) - w.get(legit, n);
		return new Weights(bias, weights, model);
	}

	static String crossValidate(List<Row> rows, boolean emptiness) {
		double[] logits = outOfFoldLogits(rows, emptiness);
		int tp = 0, fp = 0, fn = 0;
		for (int i = 0; i < rows.size(); i++) {
			boolean flagged = logits[i] > 0;
			tp += flagged && rows.get(i).fraud() ? 1 : 0;
			fp += flagged && !rows.get(i).fraud() ? 1 : 0;
			fn += !flagged && rows.get(i).fraud() ? 1 : 0;
		}
		return prf(tp, fp, fn);
	}

	/** Each row's log-odds from the model trained on the four folds it is not in (stratified 5-fold, seed 7). */
	static double[] outOfFoldLogits(List<Row> rows, boolean emptiness) {
		int[] fold = Calibrating.folds(rows.stream().map(Row::fraud).toList(), 7);
		double[] logits = new double[rows.size()];
		for (int k = 0; k < 5; k++) {
			List<Row> train = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				if (fold[i] != k) {
					train.add(rows.get(i));
				}
			}
			Weights weights = train(train, emptiness);
			for (int i = 0; i < rows.size(); i++) {
				if (fold[i] == k) {
					logits[i] = weights.logit(rows.get(i), emptiness);
				}
			}
		}
		return logits;
	}

	static String lexiconBaseline(List<Row> rows) {
		org.tipx.recruitment.scoring.RiskScoring engine = org.tipx.recruitment.scoring.RiskScoring.shipped();
		int tp = 0, fp = 0, fn = 0;
		for (Row row : rows) {
			var a = engine.assessLexiconOnly(row.text());
			tp += a && row.fraud() ? 1 : 0;
			fp += a && !row.fraud() ? 1 : 0;
			fn += !a && row.fraud() ? 1 : 0;
		}
		return prf(tp, fp, fn);
	}

	static String prf(int tp, int fp, int fn) {
		double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
		double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
		double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
		return String.format(Locale.ROOT, "precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f, tp, fp, fn);
	}
}
