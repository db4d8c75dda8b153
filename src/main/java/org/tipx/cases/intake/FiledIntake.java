package org.tipx.cases.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A public report just filed, as the forwarding to each country receives it: the coded fields and the reporter's
 * words opened (in memory only; never logged: {@link #toString()} leaves them out).
 */
public record FiledIntake(UUID id, Reference reference, PublicReport report, Instant filedAt) {

	@Override
	public String toString() {
		return "FiledIntake[" + id + "]";
	}
}
