package org.tipx.cases.intake;

import org.tipx.shared.CountryCode;

/**
 * The one seam through which a filed public report reaches the focal points of a country. Every bean implementing it
 * is asked once for each country the report may be told to (the country of nationality, and the country where the
 * person is held when the person agreed), inside the filing transaction: nothing is told unless the intake is stored.
 * {@link LocalFocalPoints} tells the focal-point organisations of that country on this instance (sharing inbox, kind
 * {@value Intakes#KIND}). {@link PeerFocalPoints} queues it for each trusted peer installation serving that country
 * (a signed package pushed after commit); a forwarding only enqueues here, never calls a peer inside the transaction.
 */
public interface IntakeForwarding {

	/** Tells {@code country}'s focal points this forwarding reaches about the intake; answers how many it told. */
	int forward(FiledIntake intake, CountryCode country);
}
