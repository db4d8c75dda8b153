package org.tipx.cases.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * What the caller may do with one case, decided once per request by {@link CaseAccess}.
 *
 * @param relation    how the caller's organisation comes to the case
 * @param personal    whether the personal fields may be shown
 * @param timeline    whether the timeline may be read
 * @param consent     whether the consent record may be read
 * @param work        whether the caller may change the case (a case worker of the owner)
 * @param supervise   whether the caller supervises it (an administrator of the owner)
 * @param referralId  the accepted referral the caller reads through, or null
 * @param until       when break-glass reading ends, or null
 */
public record CaseGrant(UUID caseId, Relation relation, boolean personal, boolean timeline, boolean consent,
		boolean work, boolean supervise, UUID referralId, Instant until) {

	/** How an organisation comes to a case. */
	public enum Relation {
		OWNER, REFERRED, BREAK_GLASS
	}

	public boolean owner() {
		return relation == Relation.OWNER;
	}
}
