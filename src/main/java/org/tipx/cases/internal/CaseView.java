package org.tipx.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A case as one caller may see it: the coded fields always, {@code personal} only where the case grants it (absent
 * otherwise), and how the caller comes to the case ({@code access}: OWNER, REFERRED, BREAK_GLASS).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(UUID id, String reference, String status, String source, UUID screeningId,
		String screeningOutcome, UUID ownerOrganisationId, String ownerOrganisationName, String ownerCountry,
		String traffickingStatus, UUID statusDecidedBy, boolean nonPunishment, boolean forcedCriminality,
		List<String> recruitmentMethods, String recruitmentPlatform, List<String> meansOfControl,
		List<String> exploitationTypes, String nationality, List<String> transitCountries,
		List<String> exploitationCountries, String ageBand, String gender, LocalDate recruitedOn,
		LocalDate exploitationBeganOn, LocalDate exitedOn, LocalDate identifiedOn, String risk, Instant openedAt,
		String openedBy, Instant updatedAt, Instant closedAt, String closedBy, String closureReason,
		boolean closureOverrode, String access, Instant accessUntil, PersonalFields personal) {
}
