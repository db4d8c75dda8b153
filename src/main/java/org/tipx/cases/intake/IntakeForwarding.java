package org.tipx.cases.intake;

import org.tipx.shared.CountryCode;

/**
 * The one seam through which a filed public report reaches the focal points of a country. Every bean implementing it
 * is asked once for each country the report may be told to (the country of nationality, and the country where the
 * person is held when the person agreed), inside the filing transaction: nothing is told unless the intake is stored.
 * {@link LocalFocalPoints} tells the focal-point organisations of that country on this instance (sharing inbox, kind
 * {@value Intakes#KIND}). A forwarding to a peer tipx instance serving that country (a signed handover package) is
 * another implementation; it must only enqueue its delivery here (an outbox or a Modulith event), never call the
 * peer inside the transaction.
 */
public interface IntakeForwarding {

	/** Tells {@code country}'s focal points this forwarding reaches about the intake; answers how many it told. */
	int forward(FiledIntake intake, CountryCode country);
}
