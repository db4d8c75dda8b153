package org.tipx.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationType;

/**
 * One version of a person's consent on a case. The version with the highest number is in force; earlier ones are kept
 * as its history.
 *
 * @param referralTypes the organisation types a referral may go to; empty means no referral
 * @param explainedIn   the language the consent was explained in (BCP 47)
 * @param explainedBy   who explained it
 * @param source        {@code SCREENING} (given at the interview) or {@code CASE_WORKER}
 * @param note          the case worker's note, opened; null when none
 */
public record ConsentRecord(int version, boolean assistance, List<String> referralTypes,
		boolean shareWithCountryOfNationality, boolean research, String explainedIn, String explainedBy,
		String source, String note, String recordedBy, Instant recordedAt) {

	/** Organisations of these types speak for the state: telling them is telling the country. */
	static final Set<OrganisationType> STATE = Set.of(OrganisationType.GOVERNMENT, OrganisationType.CONSULATE,
			OrganisationType.BORDER_IMMIGRATION, OrganisationType.LAW_ENFORCEMENT,
			OrganisationType.FINANCIAL_INTELLIGENCE_UNIT);

	public ConsentRecord {
		referralTypes = List.copyOf(referralTypes);
	}

	/** Whether a referral may go to every kind of organisation. */
	public boolean referralToAll() {
		return referralTypes.containsAll(OrganisationType.names());
	}

	/**
	 * What this consent lacks for sharing a case of a person of {@code nationality} with {@code target}: the
	 * consent's name and why, or empty when it covers the share. A referral needs consent to assistance and to
	 * referral to the target's kind of organisation; one to a state body of the person's own country also needs
	 * consent to sharing with the country of nationality.
	 */
	Optional<Missing> missingFor(Organisation target, String nationality) {
		if (!assistance) {
			return Optional.of(new Missing("assistance", "the person has not consented to assistance"));
		}
		if (!referralTypes.contains(target.type().name())) {
			return Optional.of(new Missing("referral", referralTypes.isEmpty()
					? "the person has not consented to referral"
					: "the person's consent to referral does not cover " + target.type() + " organisations (it covers "
							+ String.join(", ", referralTypes) + ")"));
		}
		if (nationality != null && nationality.equals(target.country().value()) && STATE.contains(target.type())
				&& !shareWithCountryOfNationality) {
			return Optional.of(new Missing("shareWithCountryOfNationality",
					"the person has not consented to sharing with the authorities of their country of nationality"));
		}
		return Optional.empty();
	}

	/** A consent a share lacks: its field name and why. */
	record Missing(String consent, String why) {
	}
}
