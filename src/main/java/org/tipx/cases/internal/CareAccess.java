package org.tipx.cases.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tipx.shared.Actor;
import org.tipx.shared.ForbiddenException;

/**
 * Who may read and change the care of a case (assessment, plans, visits, tasks, measures): read by the owner and by a
 * break-glass reader, hidden (404) from a referred organisation; changed only by the owning organisation, its case
 * workers doing the work and its administrators approving it. A change locks the case and is refused once it is closed.
 */
@Component
class CareAccess {

	private final CaseAccess access;

	private final Cases cases;

	CareAccess(CaseAccess access, Cases cases) {
		this.access = access;
		this.cases = cases;
	}

	/** The grant of a reader who may see the care of the case; 404 to anyone else. */
	CaseGrant read(Actor actor, UUID caseId, String what) {
		CaseGrant grant = access.grant(actor, caseId);
		if (!grant.timeline()) {
			throw access.hidden(caseId, what);
		}
		return grant;
	}

	/** For a case worker's change: the case is locked and open once this returns. */
	CaseGrant work(Actor actor, UUID caseId, String what) {
		CaseGrant grant = owner(actor, caseId, what);
		if (!grant.work()) {
			throw new ForbiddenException("Only the owning organisation's case workers do this");
		}
		return changing(grant);
	}

	/** For a supervisor's decision (approval, closure): the case is locked and open once this returns. */
	CaseGrant supervise(Actor actor, UUID caseId, String what) {
		CaseGrant grant = owner(actor, caseId, what);
		if (!grant.supervise()) {
			throw new ForbiddenException("Only an administrator of the owning organisation approves this");
		}
		return changing(grant);
	}

	/** Locks the case for a change tipx makes itself (no caller to check). */
	void lock(UUID caseId) {
		access.lock(caseId);
	}

	/** Marks the case as changed, after the change. */
	void changed(UUID caseId) {
		access.touch(caseId);
	}

	private CaseGrant owner(Actor actor, UUID caseId, String what) {
		CaseGrant grant = access.grant(actor, caseId);
		if (!grant.owner()) {
			throw access.hidden(caseId, what);
		}
		return grant;
	}

	private CaseGrant changing(CaseGrant grant) {
		access.lock(grant.caseId());
		cases.requireOpen(grant.caseId());
		return grant;
	}
}
