package org.tipx.recruitment.scoring;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.tipx.recruitment.Assessment;
import org.tipx.recruitment.Caller;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.PostingScorer;
import org.tipx.signals.KnownIdentifiers;

/**
 * The application's {@link PostingScorer}: the shipped engine ({@link RiskScoring}), with contacts matched against what
 * the caller's organisation (and account) may see in the signal exchange, and nothing else.
 */
@Service
class RiskScorer implements PostingScorer {

	private final RiskScoring engine;

	private final KnownIdentifiers known;

	RiskScorer(RiskScoring engine, KnownIdentifiers known) {
		this.engine = engine;
		this.known = known;
	}

	@Override
	public List<Assessment> score(List<Posting> postings, Caller caller) {
		Objects.requireNonNull(caller, "caller");
		return postings.stream()
				.map(p -> engine.assess(p,
						values -> known.knownTo(caller.organisationId(), caller.accountId().orElse(null), values)))
				.toList();
	}
}
