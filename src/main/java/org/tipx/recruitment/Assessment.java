package org.tipx.recruitment;

import java.util.List;

/**
 * The scorer's answer for one posting: a calibrated risk score in [0, 1], whether it is flagged at the operating
 * threshold, the detected language (BCP 47, e.g. {@code th}, {@code my}), and the reasons. A posting that could not be
 * scored carries an {@code error} (naming the field and the reason) and no score.
 */
public record Assessment(String id, Double riskScore, boolean flagged, String language, List<Reason> reasons,
		String error) {

	public Assessment {
		reasons = reasons == null ? List.of() : List.copyOf(reasons);
	}
}
