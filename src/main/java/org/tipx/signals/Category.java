package org.tipx.signals;

import java.util.Arrays;
import java.util.List;

/**
 * What a report is about.
 */
public enum Category {
	RECRUITMENT_FRAUD, SCAM_COMPOUND, INVESTMENT_FRAUD, ROMANCE_FRAUD, MONEY_MULE, VICTIM_REPORT, FORCED_CRIMINALITY,
	OTHER;

	public static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}
}
