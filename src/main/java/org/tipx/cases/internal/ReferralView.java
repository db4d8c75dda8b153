package org.tipx.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A referral as its sender and its receiver see it: who, what was asked, what it shares, the consent version it
 * relied on (and the supervisor's reason when it went without the consent covering it), and where it stands.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(UUID id, UUID caseId, String caseReference, String state, UUID fromOrganisationId,
		String fromOrganisationName, String fromCountry, UUID toOrganisationId, String toOrganisationName,
		String toCountry, String toOrganisationType, List<String> services, boolean sharePersonal,
		int consentVersion, boolean consentOverridden, String consentOverrideReason, String note, String reason,
		String sentBy, Instant sentAt, String answeredBy, Instant answeredAt, String closedBy, Instant closedAt) {
}
