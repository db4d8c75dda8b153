package org.tipx.audit.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tipx.audit.ChainVerification;

/**
 * Recomputes every hash of the chain in order and compares the result with the external checkpoint.
 */
@Component
public class ChainVerifier {

	private final AuditLedger ledger;

	private final Checkpoint checkpoint;

	ChainVerifier(AuditLedger ledger, Checkpoint checkpoint) {
		this.ledger = ledger;
		this.checkpoint = checkpoint;
	}

	public ChainVerification verify() {
		checkpoint.flush();
		Optional<Checkpoint.Mark> mark = checkpoint.read();
		Walk walk = new Walk(mark.map(Checkpoint.Mark::length).orElse(0L));
		ledger.forEachInOrder(walk::step);
		if (walk.firstInvalid != null) {
			return new ChainVerification(walk.count, false, walk.firstInvalid, walk.reason);
		}
		if (mark.isPresent()) {
			Checkpoint.Mark m = mark.get();
			if (m.length() > walk.count) {
				return new ChainVerification(walk.count, false, walk.count + 1,
						"the checkpoint records " + m.length() + " entries but only " + walk.count
								+ " remain: entries were cut off the end");
			}
			if (m.length() > 0 && !m.head().equals(walk.hashAtCheckpoint)) {
				return new ChainVerification(walk.count, false, m.length(),
						"entry " + m.length() + " no longer matches the checkpoint: the chain was rewritten");
			}
		}
		return new ChainVerification(walk.count, true, null, null);
	}

	private static final class Walk {

		private final long checkpointLength;

		private long count;

		private long expectedSeq = 1;

		private String previousHash = HashChain.GENESIS;

		private String hashAtCheckpoint;

		private Long firstInvalid;

		private String reason;

		Walk(long checkpointLength) {
			this.checkpointLength = checkpointLength;
		}

		void step(AuditEntry entry) {
			count++;
			if (firstInvalid != null) {
				return;
			}
			if (entry.seq() != expectedSeq) {
				fail(expectedSeq, "entry " + expectedSeq + " is missing");
			}
			else if (!entry.prevHash().equals(previousHash)) {
				fail(entry.seq(), "entry " + entry.seq() + " does not link to the entry before it");
			}
			else if (!HashChain.hash(entry).equals(entry.hash())) {
				fail(entry.seq(), "entry " + entry.seq() + " was altered after it was written");
			}
			if (entry.seq() == checkpointLength) {
				hashAtCheckpoint = entry.hash();
			}
			previousHash = HashChain.hash(entry);
			expectedSeq = entry.seq() + 1;
		}

		private void fail(long seq, String why) {
			firstInvalid = seq;
			reason = why;
		}
	}
}
