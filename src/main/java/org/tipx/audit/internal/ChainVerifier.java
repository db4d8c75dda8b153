package org.tipx.audit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tipx.audit.ChainVerification;

/**
 * Recomputes every hash of the chain in order, then compares the chain with the head this tipx process last appended
 * (or found at start), with any finding of the anchor, and with the external checkpoint. Reports the problem with the
 * lowest sequence number. Verifying appends nothing: the caller records the result afterwards, so a forged head is
 * never re-anchored by the verification itself.
 */
@Component
public class ChainVerifier {

	/** How long to wait for an append that has committed but not yet moved the anchor. */
	private static final long SETTLE_MILLIS = 2000;

	private final AuditLedger ledger;

	private final Checkpoint checkpoint;

	private final ChainAnchor anchor;

	ChainVerifier(AuditLedger ledger, Checkpoint checkpoint, ChainAnchor anchor) {
		this.ledger = ledger;
		this.checkpoint = checkpoint;
		this.anchor = anchor;
	}

	public ChainVerification verify() {
		checkpoint.flush();
		ChainAnchor.State before = anchor.state();
		List<ChainAnchor.Finding> problems = new ArrayList<>();
		Optional<Checkpoint.Mark> mark;
		try {
			mark = checkpoint.read();
		}
		catch (Checkpoint.Unreadable e) {
			mark = Optional.empty();
			problems.add(new ChainAnchor.Finding(e.claimedLength().filter(n -> n > 0).orElse(1L), e.getMessage()));
		}
		// after a finding the anchor is frozen and not compared again: keep no hashes after it
		long anchored = before.finding().isPresent() ? Long.MAX_VALUE : before.head().length();
		Walk walk = new Walk(anchored, mark.map(Checkpoint.Mark::length).orElse(0L), anchor);
		ledger.forEachInOrder(walk::step);
		if (walk.firstInvalid != null) {
			problems.add(new ChainAnchor.Finding(walk.firstInvalid, walk.reason));
		}
		before.finding().ifPresent(problems::add);
		mark.flatMap(m -> compareWithCheckpoint(m, walk)).ifPresent(problems::add);
		if (walk.firstRewritten != null) {
			problems.add(new ChainAnchor.Finding(walk.firstRewritten, "entry " + walk.firstRewritten
					+ " no longer has the hash tipx gave it when appending it: it was rewritten"));
		}
		if (before.finding().isEmpty()) {
			compareWithAnchor(before.head(), walk).ifPresent(problems::add);
		}
		Long checkpointEntry = mark.map(Checkpoint.Mark::length).orElse(null);
		Long anchoredEntry = anchor.state().head().length();
		// the lowest sequence number first; among equals, the first added above (the most telling reason)
		return problems.stream().min(Comparator.comparingLong(ChainAnchor.Finding::firstInvalidEntry))
				.map(p -> new ChainVerification(walk.count, false, p.firstInvalidEntry(), p.reason(),
						checkpointEntry, anchoredEntry))
				.orElseGet(() -> new ChainVerification(walk.count, true, null, null, checkpointEntry, anchoredEntry));
	}

	private static Optional<ChainAnchor.Finding> compareWithCheckpoint(Checkpoint.Mark m, Walk walk) {
		if (m.length() > walk.lastSeq) {
			return Optional.of(new ChainAnchor.Finding(walk.lastSeq + 1, "the checkpoint records " + m.length()
					+ " entries but the chain ends at entry " + walk.lastSeq + ": entries were cut off the end"));
		}
		if (m.length() > 0 && !m.head().equals(walk.hashAtCheckpoint)) {
			return Optional.of(new ChainAnchor.Finding(m.length(), "entry " + m.length()
					+ " no longer matches the checkpoint: the chain was rewritten at or before it"));
		}
		return Optional.empty();
	}

	/**
	 * The entry tipx last appended must still be there with its hash, and nothing may follow it that tipx did not
	 * append. An append that committed while the chain was read may not have moved the anchor yet: wait for it.
	 */
	private Optional<ChainAnchor.Finding> compareWithAnchor(Checkpoint.Mark before, Walk walk) {
		if (before.length() > walk.lastSeq) {
			return Optional.of(new ChainAnchor.Finding(walk.lastSeq + 1, "tipx last appended entry "
					+ before.length() + " but the chain ends at entry " + walk.lastSeq + ": entries "
					+ (walk.lastSeq + 1) + " to " + before.length() + " are missing"));
		}
		if (before.length() > 0 && !before.head().equals(walk.hashes.get(before.length()))) {
			return Optional.of(rewritten(before.length()));
		}
		ChainAnchor.State now = settled(walk.lastSeq);
		if (now.finding().isPresent()) {
			return now.finding();
		}
		Checkpoint.Mark head = now.head();
		if (head.length() <= walk.lastSeq) {
			if (head.length() > before.length() && !head.head().equals(walk.hashes.get(head.length()))) {
				return Optional.of(rewritten(head.length()));
			}
			if (walk.lastSeq > head.length()) {
				return Optional.of(new ChainAnchor.Finding(head.length() + 1, "entries " + (head.length() + 1)
						+ " to " + walk.lastSeq + " were not appended by tipx (tipx last appended entry "
						+ head.length() + ")"));
			}
		}
		return Optional.empty();
	}

	private ChainAnchor.State settled(long lastSeq) {
		long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
		ChainAnchor.State state = anchor.state();
		while (state.finding().isEmpty() && state.head().length() < lastSeq
				&& System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			state = anchor.state();
		}
		return state;
	}

	private static ChainAnchor.Finding rewritten(long seq) {
		return new ChainAnchor.Finding(seq, "entry " + seq
				+ ", which tipx appended, now has another hash: the chain was rewritten at or before it");
	}

	private static final class Walk {

		/** Entries after the anchor kept in memory at most (more means many entries tipx did not append). */
		private static final int KEEP = 100_000;

		private final long anchorLength;

		private final long checkpointLength;

		private long count;

		private long lastSeq;

		private long expectedSeq = 1;

		private String previousHash = HashChain.GENESIS;

		private String hashAtCheckpoint;

		/** Hashes of the anchored entry and those after it. */
		private final Map<Long, String> hashes = new HashMap<>();

		private final ChainAnchor anchor;

		private final long oldestAppended;

		private Long firstInvalid;

		private String reason;

		/** The first entry whose hash differs from the one this process gave it. */
		private Long firstRewritten;

		Walk(long anchorLength, long checkpointLength, ChainAnchor anchor) {
			this.anchorLength = anchorLength;
			this.checkpointLength = checkpointLength;
			this.anchor = anchor;
			this.oldestAppended = anchor.oldestAppended();
		}

		void step(AuditEntry entry) {
			count++;
			lastSeq = entry.seq();
			if (firstRewritten == null && entry.seq() >= oldestAppended
					&& anchor.appendedHash(entry.seq()).filter(h -> !h.equals(entry.hash())).isPresent()) {
				firstRewritten = entry.seq();
			}
			if (entry.seq() == checkpointLength) {
				hashAtCheckpoint = entry.hash();
			}
			if (entry.seq() >= anchorLength && hashes.size() < KEEP) {
				hashes.put(entry.seq(), entry.hash());
			}
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
			previousHash = HashChain.hash(entry);
			expectedSeq = entry.seq() + 1;
		}

		private void fail(long seq, String why) {
			firstInvalid = seq;
			reason = why;
		}
	}
}
