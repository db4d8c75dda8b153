package org.tipx.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * The person's consent as it stands now, for a module that recorded an earlier one: a screening keeps the consent given
 * at the interview, but once a case follows the person, the case's consent (withdrawn, narrowed or widened since) is
 * the one every share must obey. The cases module answers; a module that shares asks before it shares.
 */
public interface ConsentInForce {

	/** The consent in force for the person a screening is about, if a case has taken it over; empty otherwise. */
	Optional<Consent> forScreening(UUID screeningId);

	/**
	 * What the person agrees to now.
	 *
	 * @param version the version of the case's consent
	 */
	record Consent(int version, boolean assistance, boolean shareWithCountryOfNationality, boolean research) {
	}
}
