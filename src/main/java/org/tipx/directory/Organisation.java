package org.tipx.directory;

import java.time.Instant;

import org.tipx.shared.CountryCode;

/**
 * A member organisation of the exchange.
 */
public record Organisation(OrganisationId id, String name, OrganisationType type, CountryCode country,
		Instant createdAt) {
}
