package org.tipx.recruitment.moderation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses an organisation's operating threshold from its moderators' decisions: among the decided postings' scores
 * (FRAUD positive, LEGITIMATE negative, UNSURE left out) the cut that maximises F1 on the fraudulent class, placed
 * half-way between the lowest fraud score kept and the next score below it. Only once there are at least
 * {@value #MIN_DECIDED} decided postings with at least {@value #MIN_EACH} of each kind; otherwise the engine's
 * threshold stays. On a tie the higher threshold wins (fewer postings for moderators to read).
 */
public final class Recalibration {

	public static final int MIN_DECIDED = 20;

	public static final int MIN_EACH = 5;

	private Recalibration() {
	}

	public static Optional<Choice> choose(List<Decided> decided) {
		long fraud = decided.stream().filter(Decided::fraud).count();
		if (decided.size() < MIN_DECIDED || fraud < MIN_EACH || decided.size() - fraud < MIN_EACH) {
			return Optional.empty();
		}
		List<Decided> byScore = decided.stream().sorted(Comparator.comparingDouble(Decided::score).reversed()).toList();
		double bestF1 = -1;
		double bestThreshold = 1;
		int truePositives = 0;
		for (int i = 0; i < byScore.size(); i++) {
			truePositives += byScore.get(i).fraud() ? 1 : 0;
			boolean lastOfTie = i + 1 == byScore.size() || byScore.get(i + 1).score() < byScore.get(i).score();
			if (!lastOfTie) {
				continue;
			}
			int flagged = i + 1;
			double f1 = 2.0 * truePositives / (flagged + fraud);
			if (f1 > bestF1) {
				bestF1 = f1;
				double below = i + 1 < byScore.size() ? byScore.get(i + 1).score() : 0;
				bestThreshold = (byScore.get(i).score() + below) / 2;
			}
		}
		return Optional.of(new Choice(bestThreshold, bestF1, decided.size()));
	}

	/** A decided posting's score and whether it was fraud. */
	public record Decided(double score, boolean fraud) {
	}

	/** The chosen threshold, the F1 it reaches on the decided postings, and how many there were. */
	public record Choice(double threshold, double f1, int decided) {
	}
}
