package org.tipx.cases.intake;

/**
 * Everything the reporter writes in their own words: sealed at rest as one value per intake, shown only to the focal
 * points of the organisations it was addressed to, never written to a log, an event, the audit trail or a problem.
 *
 * @param area           where the person is held: town, district, landmarks
 * @param compound       the compound's or building's name, if known
 * @param contactWho     whom to contact: {@code PERSON} (the person held) or {@code REPORTER}; null when not said
 * @param contactChannel how to reach them safely (an app and a number or handle)
 * @param safeTimes      when it is safe to write or call
 * @param doNotCall      never call (a ringing phone can put the person in danger); write only
 * @param whatHappened   what happened, in the reporter's words
 */
public record ReportDetails(String area, String compound, String contactWho, String contactChannel,
		String safeTimes, boolean doNotCall, String whatHappened) {

	public ReportDetails {
		area = trimmed(area);
		compound = trimmed(compound);
		contactWho = trimmed(contactWho);
		contactChannel = trimmed(contactChannel);
		safeTimes = trimmed(safeTimes);
		whatHappened = trimmed(whatHappened);
	}

	/** Never the reporter's words: a record's default text would put them in any log that prints it. */
	@Override
	public String toString() {
		return "ReportDetails[sealed]";
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
