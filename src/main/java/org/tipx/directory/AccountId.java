package org.tipx.directory;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a person's account across modules.
 */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "account id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
