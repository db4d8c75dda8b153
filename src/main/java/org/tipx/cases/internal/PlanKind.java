package org.tipx.cases.internal;

import java.util.List;

/** The plans a case has: the person's return, and their reintegration after it. */
public enum PlanKind {

	RETURN, REINTEGRATION;

	/** Travel documents: from none needed to issued. */
	public static final List<String> TRAVEL_DOCUMENTS = List.of("NOT_NEEDED", "TO_APPLY", "APPLIED", "ISSUED");

	/** Who escorts the person on the way home. */
	public static final List<String> ESCORTS = List.of("NONE", "CASE_WORKER", "IOM", "NGO", "CONSULAR", "POLICE",
			"FAMILY");

	/** Who receives the person in the source country. */
	public static final List<String> RECEPTIONS = List.of("SOCIAL_SERVICES", "NGO", "SHELTER", "FAMILY", "NONE");

	/** Where contact with the family stands, as the person wishes it. */
	public static final List<String> FAMILY_CONTACTS = List.of("NOT_WANTED", "TO_TRACE", "CONTACTED",
			"INFORMED_OF_RETURN");

	/** The areas a reintegration goal belongs to. */
	public static final List<String> GOAL_AREAS = List.of("LEGAL_EMPLOYMENT", "TRAINING", "HEALTH", "PSYCHOSOCIAL",
			"LEGAL_AID", "DEBT_COUNSELLING");

	/** How the path segment names it. */
	public String path() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
