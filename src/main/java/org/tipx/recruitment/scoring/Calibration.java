package org.tipx.recruitment.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * How lexicon and model combine into a calibrated probability, and the operating threshold: {@code z = intercept +
 * lexicon * Σ(indicator weights) + model * (model logit)}, then Platt scaling {@code p = 1 / (1 + exp(-(a z + b)))}.
 * Read from {@code recruitment/model/calibration.properties}, written by the training command (docs/recruitment.md).
 */
public record Calibration(double intercept, double lexicon, double model, double plattA, double plattB,
		double threshold) {

	public static final String RESOURCE = "/recruitment/model/calibration.properties";

	public Calibration {
		if (!(threshold > 0 && threshold < 1)) {
			throw new IllegalArgumentException("threshold must be in (0, 1)");
		}
	}

	public static Calibration shipped() {
		try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
			Properties p = new Properties();
			p.load(in);
			return new Calibration(d(p, "intercept"), d(p, "lexicon"), d(p, "model"), d(p, "platt.a"), d(p, "platt.b"),
					d(p, "threshold"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static double d(Properties p, String key) {
		return Double.parseDouble(p.getProperty(key).strip());
	}

	public double probability(double lexiconSum, double modelLogit) {
		double z = intercept + lexicon * lexiconSum + model * modelLogit;
		return 1 / (1 + Math.exp(-(plattA * z + plattB)));
	}
}
