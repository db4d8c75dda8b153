package org.tipx.cases.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The coded fields of a case (HTCDS 2.0 where it has a field) and, optionally, its personal fields: what a case worker
 * writes when opening a case by hand or correcting one. Validated by {@link Cases}.
 */
public record CaseDetails(String traffickingStatus, List<String> recruitmentMethods, String recruitmentPlatform,
		List<String> meansOfControl, List<String> exploitationTypes, Boolean forcedCriminality, String nationality,
		List<String> transitCountries, List<String> exploitationCountries, String ageBand, String gender,
		LocalDate recruitedOn, LocalDate exploitationBeganOn, LocalDate exitedOn, PersonalFields personal) {
}
