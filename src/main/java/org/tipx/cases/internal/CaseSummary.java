package org.tipx.cases.internal;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the case list: codes only, never a personal field.
 *
 * @param access        how the caller comes to the case: OWNER, REFERRED or BREAK_GLASS
 * @param referralState the state of the case's latest referral, or null
 * @param overdueTasks  open tasks past their due date
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSummary(UUID id, String reference, String status, UUID screeningId, UUID ownerOrganisationId,
		String ownerOrganisationName, String traffickingStatus, String nationality, String ageBand, String gender,
		String risk, boolean nonPunishment, Instant openedAt, Instant updatedAt, String access, String referralState,
		int overdueTasks) {
}
