package org.tipx.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A screening was completed. Carries the outcome, the consent given and the coded profile, never a personal field: the
 * cases module opens a case and the consented referral from it; statistics count it only with research consent.
 *
 * @param screeningId           the screening
 * @param organisationId        the organisation that screened
 * @param formId                the form
 * @param formVersion           its version
 * @param outcome               what the screening found
 * @param forcedCriminality     whether the person was made to commit offences
 * @param nonPunishment         whether the non-punishment principle applies
 * @param nonPunishmentMeasures the measures it implies
 * @param consent               the consent given
 * @param profile               the coded profile
 * @param completedAt           when
 */
public record ScreeningCompleted(UUID screeningId, UUID organisationId, String formId, String formVersion,
		Outcome outcome, boolean forcedCriminality, boolean nonPunishment, List<String> nonPunishmentMeasures,
		Consent consent, CodedProfile profile, Instant completedAt) {

	/**
	 * What the person agreed to, asked first in the interview.
	 *
	 * @param assistance                    use of the answers to give help and protection
	 * @param referral                      passing details to a supporting organisation
	 * @param shareWithCountryOfNationality telling the country of nationality
	 * @param research                      counting the answers, without name, in statistics
	 */
	public record Consent(boolean assistance, boolean referral, boolean shareWithCountryOfNationality,
			boolean research) {
	}

	/**
	 * The coded profile: codes only, nothing that names the person.
	 *
	 * @param nationality     ISO 3166-1 alpha-2
	 * @param ageBand         {@code UNDER_18}, {@code 18_24}, ...
	 * @param gender          {@code FEMALE}, {@code MALE}, {@code OTHER}, {@code UNDISCLOSED}, or null
	 * @param languages       BCP 47 language codes
	 * @param countryHeld     where the person was held, ISO 3166-1 alpha-2, or null
	 * @param dateLeft        when they left, or null
	 * @param interpreterUsed whether an interpreter helped, or null if not said
	 */
	public record CodedProfile(String nationality, String ageBand, String gender, List<String> languages,
			String countryHeld, LocalDate dateLeft, Boolean interpreterUsed) {
	}
}
