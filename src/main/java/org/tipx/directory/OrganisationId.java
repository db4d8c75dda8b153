package org.tipx.directory;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an organisation across modules.
 */
public record OrganisationId(UUID value) {

	public OrganisationId {
		Objects.requireNonNull(value, "organisation id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
