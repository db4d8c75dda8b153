package org.tipx.screening.internal;

import java.time.Instant;

import org.tipx.screening.Outcome;

/**
 * The officer's word on a screening: the computed outcome is kept; the final one is the officer's, confirmed or
 * overridden with a written reason. A voided screening stays, with why and by whom.
 *
 * @param finalOutcome the officer's outcome, or null while undecided
 * @param state        {@code PENDING}, {@code CONFIRMED} or {@code OVERRIDDEN}
 * @param reason       the written reason of an override
 * @param decidedBy    who decided
 * @param decidedAt    when
 * @param voided       whether the screening was voided
 * @param voidReason   why
 * @param voidedBy     by whom
 * @param voidedAt     when
 */
public record Decision(Outcome finalOutcome, String state, String reason, String decidedBy, Instant decidedAt,
		boolean voided, String voidReason, String voidedBy, Instant voidedAt) {

	public static final Decision PENDING = new Decision(null, "PENDING", null, null, null, false, null, null, null);

	public boolean decided() {
		return finalOutcome != null;
	}
}
