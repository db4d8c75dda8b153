package org.tipx.signals.sightings;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tipx.signals.internal.ReportStore;

/**
 * Values that several organisations other than the reporting one judged false positives, for the same review queue
 * as the values the automatic cap flagged ({@code GET /api/v1/signals/flagged-values}). Unlike the cap's flag this
 * does not stop the value linking: curators decide (retract, warning list).
 */
@Component
public class FalsePositiveReview {

	/** How many distinct other organisations must judge a value a false positive before it is put up for review. */
	public static final int THRESHOLD = 2;

	static final String REASON_PREFIX = "judged a false positive by ";

	private final SightingStore store;

	FalsePositiveReview(SightingStore store) {
		this.store = store;
	}

	public List<ReportStore.FlaggedValue> values() {
		return store.judgedFalsePositive(THRESHOLD);
	}
}
