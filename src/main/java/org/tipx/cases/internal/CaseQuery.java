package org.tipx.cases.internal;

import java.util.UUID;

/**
 * Filters of the case list; every one optional.
 *
 * @param q             a case reference (or its start), a screening id, or words of the person's names
 * @param referralState cases with a referral in this state
 * @param overdue       only cases with an open task past its due date
 * @param page          from 0; 50 cases a page
 */
public record CaseQuery(UUID screeningId, String status, String q, String risk, String nationality,
		String referralState, Boolean overdue, int page) {

	public static final int PAGE_SIZE = 50;

	public static CaseQuery all() {
		return new CaseQuery(null, null, null, null, null, null, null, 0);
	}
}
