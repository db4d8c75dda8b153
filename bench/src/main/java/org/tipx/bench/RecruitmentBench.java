package org.tipx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tipx.recruitment.Assessment;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.scoring.EvaluationSet;
import org.tipx.recruitment.scoring.RiskScoring;

/**
 * Issue 14 items 7 and 8 on one core: precision, recall and F1 of the fraudulent class on the multilingual evaluation
 * set (the shipped scorer beside the lexicon alone), then postings scored per second including normalisation, beside
 * the text model alone and the lexicon alone, in the same run. Usage: bench/recruitment-bench.sh [SECONDS]
 */
public final class RecruitmentBench {

	public static void main(String[] args) {
		double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
		RiskScoring engine = RiskScoring.shipped();
		List<EvaluationSet.Ad> ads = EvaluationSet.ads();
		int tp = 0, fp = 0, fn = 0, ltp = 0, lfp = 0, lfn = 0;
		for (EvaluationSet.Ad ad : ads) {
			boolean flagged = engine.assess(ad.posting(), v -> Set.of()).flagged();
			boolean lexicon = engine.assessLexiconOnly(ad.posting().title() + "\n" + ad.posting().description());
			tp += flagged && ad.scam() ? 1 : 0;
			fp += flagged && !ad.scam() ? 1 : 0;
			fn += !flagged && ad.scam() ? 1 : 0;
			ltp += lexicon && ad.scam() ? 1 : 0;
			lfp += lexicon && !ad.scam() ? 1 : 0;
			lfn += !lexicon && ad.scam() ? 1 : 0;
		}
		System.out.println("==== recruitment bench (one thread) ====");
		System.out.println("multilingual set, " + ads.size() + " ads, shipped scorer: " + RecruitmentTraining.prf(tp, fp, fn));
		System.out.println("multilingual set, lexicon alone (baseline):  " + RecruitmentTraining.prf(ltp, lfp, lfn));
		List<Posting> postings = new ArrayList<>();
		ads.forEach(a -> postings.add(a.posting()));
		List<String> texts = postings.stream().map(p -> p.title() + "\n" + p.description()).toList();
		// warm-up: Lingua's models load on first use
		rate(seconds / 2, postings.size(), i -> engine.assess(postings.get(i), v -> Set.of()));
		double full = rate(seconds, postings.size(), i -> engine.assess(postings.get(i), v -> Set.of()));
		double model = rate(seconds, texts.size(), i -> engine.modelLogit(texts.get(i)));
		double lexicon = rate(seconds, texts.size(), i -> engine.assessLexiconOnly(texts.get(i)));
		System.out.printf(Locale.ROOT, "full scoring incl. normalisation: %,.0f postings/s/core (goal >= 2,000)%n", full);
		System.out.printf(Locale.ROOT, "text model alone (with folding):  %,.0f postings/s/core%n", model);
		System.out.printf(Locale.ROOT, "lexicon alone (no model):         %,.0f postings/s/core%n", lexicon);
		System.out.println("=========================================");
	}

	interface Work {
		Object run(int i);
	}

	static double rate(double seconds, int n, Work work) {
		long end = System.nanoTime() + (long) (seconds * 1e9);
		long start = System.nanoTime();
		long done = 0;
		Object sink = null;
		while (System.nanoTime() < end) {
			sink = work.run((int) (done % n));
			done++;
		}
		if (sink == null) {
			System.out.print("");
		}
		return done / ((System.nanoTime() - start) / 1e9);
	}
}
