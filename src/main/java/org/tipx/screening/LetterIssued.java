package org.tipx.screening;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A non-punishment letter was issued for a screening. Carries the letter's verification code (which anyone may check
 * and which names no one), never a personal field: the cases module attaches it to the case's measures.
 *
 * @param screeningId    the screening
 * @param organisationId the organisation that issued it
 * @param code           the verification code printed on the letter
 * @param language       the language it is drawn in
 * @param issuedAt       when
 */
public record LetterIssued(UUID screeningId, UUID organisationId, String code, String language, Instant issuedAt) {

	public LetterIssued {
		Objects.requireNonNull(screeningId, "screeningId");
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(issuedAt, "issuedAt");
	}
}
