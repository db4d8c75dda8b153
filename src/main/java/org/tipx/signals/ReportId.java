package org.tipx.signals;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a signal report across modules.
 */
public record ReportId(UUID value) {

	public ReportId {
		Objects.requireNonNull(value, "report id");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
