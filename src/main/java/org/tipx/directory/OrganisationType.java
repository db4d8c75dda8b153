package org.tipx.directory;

import java.util.Arrays;
import java.util.List;

/**
 * The kind of organisation, which later decides defaults such as who may see what.
 */
public enum OrganisationType {
	GOVERNMENT, CONSULATE, BORDER_IMMIGRATION, LAW_ENFORCEMENT, FINANCIAL_INTELLIGENCE_UNIT, CIVIL_SOCIETY,
	INTERNATIONAL_ORGANISATION, PLATFORM, FINANCIAL_INSTITUTION, MEDIA, RESEARCH;

	public static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}
}
