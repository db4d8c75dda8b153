package org.tipx.audit.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.tipx.audit.AuditRecord;

/**
 * A second group commit on the same chain that writes every group through the head's lock, as before ADR 0029: for
 * benchmarks that compare both ways in one run. Its entries are real entries of the one chain (the anchor serialises
 * both writers). Close it when done.
 */
public final class LockedGroupCommit implements AutoCloseable {

	private final GroupCommit commits;

	public LockedGroupCommit(AuditLedger ledger, ChainAnchor anchor) {
		this.commits = new GroupCommit(ledger, anchor, Duration.ofSeconds(10), false);
	}

	/** Records as {@code AuditTrail.record} would for an anonymous actor, through the head's lock. */
	public Consumer<AuditRecord> trail() {
		return r -> commits.commit(new AuditDraft("anonymous", null, null, r.action(), r.objectType(), r.objectId(),
				r.outcome().name(), r.detail()));
	}

	@Override
	public void close() throws InterruptedException {
		commits.stop();
	}
}
