package org.tipx.cases.internal;

import java.util.List;

/**
 * The re-recruitment risk check asked at each follow-up visit, and the risk it gives. Each answer weighs 0, 1 or 2
 * (in the order of its vocabulary); two points make the risk MEDIUM and four HIGH, so a single strong sign (a recruiter
 * calling again and again) is never LOW, and two strong signs together are HIGH.
 *
 * @param jobOffers        new job offers received: NONE, DECLINED, CONSIDERING
 * @param debtPressure     pressure from debts: NONE, SOME, SEVERE
 * @param recruiterContact contact from recruiters: NONE, ONCE, REPEATED
 * @param intentToMigrate  intent to migrate again: NO, UNSURE, YES
 */
public record RecruitmentRisk(String jobOffers, String debtPressure, String recruiterContact,
		String intentToMigrate) {

	public static final List<String> JOB_OFFERS = List.of("NONE", "DECLINED", "CONSIDERING");

	public static final List<String> DEBT_PRESSURE = List.of("NONE", "SOME", "SEVERE");

	public static final List<String> RECRUITER_CONTACT = List.of("NONE", "ONCE", "REPEATED");

	public static final List<String> INTENT_TO_MIGRATE = List.of("NO", "UNSURE", "YES");

	/** The levels, lowest first. */
	public static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH");

	public RecruitmentRisk {
		check("jobOffers", jobOffers, JOB_OFFERS);
		check("debtPressure", debtPressure, DEBT_PRESSURE);
		check("recruiterContact", recruiterContact, RECRUITER_CONTACT);
		check("intentToMigrate", intentToMigrate, INTENT_TO_MIGRATE);
	}

	/** LOW, MEDIUM or HIGH. */
	public String level() {
		int points = JOB_OFFERS.indexOf(jobOffers) + DEBT_PRESSURE.indexOf(debtPressure)
				+ RECRUITER_CONTACT.indexOf(recruiterContact) + INTENT_TO_MIGRATE.indexOf(intentToMigrate);
		return points >= 4 ? "HIGH" : points >= 2 ? "MEDIUM" : "LOW";
	}

	/** Whether {@code now} is a higher level than {@code before} (null: no earlier visit, nothing to rise from). */
	static boolean rose(String before, String now) {
		return before != null && LEVELS.indexOf(now) > LEVELS.indexOf(before);
	}

	private static void check(String field, String value, List<String> vocabulary) {
		if (!vocabulary.contains(value)) {
			throw new IllegalArgumentException(field + " must be one of " + vocabulary + ", was " + value);
		}
	}
}
