package org.tipx.audit.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The head of the chain as this tipx process itself appended it, so that the chain can only be trusted to move
 * forward from what tipx wrote.
 * <p>
 * At start the checkpoint file (the last head tipx wrote) must still be in the database with the same hash, and the
 * chain must be at least that long; then the anchor is the database head. Each append must link to the anchor; the
 * anchor then moves to the new entry and the checkpoint file follows it. A start-up check that fails, or an append
 * that finds a head tipx did not write, is a finding: logged as an ERROR, reported by every verification until tipx is
 * restarted, and from then on neither the anchor nor the checkpoint file moves, so the evidence stays. Appending goes
 * on (audit entries are not lost), on top of whatever head the database has.
 * <p>
 * This assumes one tipx process per database, as the README does: a second process appending to the same chain is a
 * finding.
 */
@Component
public class ChainAnchor implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger("org.tipx.audit.anchor");

	private final AuditLedger ledger;

	private final Checkpoint checkpoint;

	/** Serialises appends in this process (the database serialises them anyway) with the anchor's moves. */
	private final Object appending = new Object();

	private volatile Checkpoint.Mark anchor;

	private volatile Finding finding;

	/** Hashes of the last {@link #RECENT} entries this process appended on its anchor, to name a rewrite exactly. */
	private final ConcurrentSkipListMap<Long, String> recent = new ConcurrentSkipListMap<>();

	static final int RECENT = 10_000;

	ChainAnchor(AuditLedger ledger, Checkpoint checkpoint) {
		this.ledger = ledger;
		this.checkpoint = checkpoint;
	}

	@Override
	public void afterSingletonsInstantiated() {
		start();
	}

	/** Checks the database against the checkpoint file, once per process (on first use at the latest). */
	void start() {
		if (anchor != null) {
			return;
		}
		synchronized (appending) {
			if (anchor != null) {
				return;
			}
			Checkpoint.Mark head = ledger.head();
			Optional<Checkpoint.Mark> onFile;
			try {
				onFile = checkpoint.read();
			}
			catch (Checkpoint.Unreadable e) {
				found(new Finding(e.claimedLength().filter(n -> n > 0).orElse(1L),
						"at start: " + e.getMessage() + "; the chain cannot be compared with what tipx last wrote"),
						head);
				return;
			}
			if (onFile.isEmpty()) {
				if (head.length() > 0) {
					log.warn("No audit checkpoint file at {}: the chain is anchored at its current head, entry {};"
							+ " entries up to it are checked by their links only", checkpoint.file(), head.length());
				}
				anchor = head;
				return;
			}
			Checkpoint.Mark mark = onFile.get();
			Optional<Finding> problem = compareAtStart(mark, head);
			if (problem.isPresent()) {
				found(problem.get(), mark);
				return;
			}
			if (head.length() > mark.length()) {
				log.info("The audit chain has {} entries after the checkpoint (written before tipx last stopped)",
						head.length() - mark.length());
			}
			anchor = head;
		}
	}

	private Optional<Finding> compareAtStart(Checkpoint.Mark mark, Checkpoint.Mark head) {
		if (mark.length() == 0) {
			return Optional.empty();
		}
		Optional<AuditEntry> entry = ledger.find(mark.length());
		if (entry.isEmpty()) {
			long last = ledger.lastSeq();
			long firstMissing = Math.min(last, mark.length() - 1) + 1;
			return Optional.of(new Finding(firstMissing, "at start: tipx last wrote entry " + mark.length()
					+ " (checkpoint file) but the chain ends at entry " + last + ": entries " + firstMissing
					+ " to " + mark.length() + " are missing"));
		}
		if (!entry.get().hash().equals(mark.head())) {
			return Optional.of(new Finding(mark.length(), "at start: entry " + mark.length()
					+ " no longer has the hash tipx wrote in the checkpoint file: the chain was rewritten at or before it"));
		}
		if (head.length() < mark.length()) {
			return Optional.of(new Finding(head.length() + 1, "at start: the chain head was set back to entry "
					+ head.length() + " although tipx last wrote entry " + mark.length()));
		}
		return Optional.empty();
	}

	/**
	 * Appends through {@code append} (which commits on its own) and moves the anchor to the new entry, if the entry
	 * links to the anchor; otherwise records a finding.
	 */
	AuditEntry append(Supplier<AuditEntry> append) {
		synchronized (appending) {
			start();
			AuditEntry entry = append.get();
			if (finding == null) {
				Checkpoint.Mark found = new Checkpoint.Mark(entry.seq() - 1, entry.prevHash());
				if (found.equals(anchor)) {
					anchor = new Checkpoint.Mark(entry.seq(), entry.hash());
					recent.put(entry.seq(), entry.hash());
					recent.remove(entry.seq() - RECENT);
					checkpoint.advance(entry.seq(), entry.hash());
				}
				else {
					found(divergence(anchor, found, entry.seq()), anchor);
				}
			}
			return entry;
		}
	}

	/**
	 * Appends a batch through {@code append} (which commits on its own, all entries or none) and moves the anchor to
	 * the batch's last entry, if its first entry links to the anchor; otherwise records a finding. The entries of one
	 * batch link to each other by construction ({@link AuditLedger#appendAll}).
	 */
	List<AuditEntry> appendAll(Supplier<List<AuditEntry>> append) {
		return appendAll(head -> Optional.empty(), append);
	}

	/**
	 * As {@link #appendAll(Supplier)}, first trying {@code onAnchor} with the head this process last appended (one
	 * statement that writes only if the database head is still that one, {@link AuditLedger#appendAfter}); if it wrote
	 * nothing, or there is a finding (the anchor is frozen), appends through {@code append}, which reads the head it
	 * finds, so that a head tipx did not write is still a finding.
	 */
	List<AuditEntry> appendAll(java.util.function.Function<Checkpoint.Mark, Optional<List<AuditEntry>>> onAnchor,
			Supplier<List<AuditEntry>> append) {
		synchronized (appending) {
			start();
			Optional<List<AuditEntry>> linked = finding == null && anchor != null ? onAnchor.apply(anchor)
					: Optional.empty();
			List<AuditEntry> entries = linked.orElseGet(append);
			if (entries.isEmpty()) {
				return entries;
			}
			AuditEntry first = entries.get(0);
			AuditEntry last = entries.get(entries.size() - 1);
			if (finding == null) {
				Checkpoint.Mark found = new Checkpoint.Mark(first.seq() - 1, first.prevHash());
				if (found.equals(anchor)) {
					anchor = new Checkpoint.Mark(last.seq(), last.hash());
					for (AuditEntry entry : entries) {
						recent.put(entry.seq(), entry.hash());
						recent.remove(entry.seq() - RECENT);
					}
					checkpoint.advance(last.seq(), last.hash());
				}
				else {
					found(divergence(anchor, found, first.seq()), anchor);
				}
			}
			return entries;
		}
	}

	private static Finding divergence(Checkpoint.Mark anchor, Checkpoint.Mark found, long appended) {
		String when = "when appending entry " + appended + ": ";
		if (found.length() < anchor.length()) {
			return new Finding(found.length() + 1, when + "the chain head was set back to entry " + found.length()
					+ " although tipx last appended entry " + anchor.length() + ": entries " + (found.length() + 1)
					+ " to " + anchor.length() + " were removed");
		}
		if (found.length() > anchor.length()) {
			return new Finding(anchor.length() + 1, when + "entries " + (anchor.length() + 1) + " to "
					+ found.length() + " were not appended by tipx (tipx last appended entry " + anchor.length() + ")");
		}
		return new Finding(anchor.length(), when + "entry " + anchor.length()
				+ ", the last tipx appended, now has another hash: the chain was rewritten at or before it");
	}

	private void found(Finding problem, Checkpoint.Mark frozenAt) {
		finding = problem;
		anchor = frozenAt;
		log.error("AUDIT CHAIN TAMPERED WITH: {} (first invalid entry {}). tipx keeps running so that this can be"
				+ " investigated; every verification reports it until restart, and the checkpoint file {} is no longer"
				+ " moved.", problem.reason(), problem.firstInvalidEntry(), checkpoint.file());
	}

	/** What tipx found changed outside it, at start or when appending; empty if nothing. */
	public Optional<Finding> finding() {
		return Optional.ofNullable(finding);
	}

	/** The head tipx last appended (or found at start), and the finding if there is one. */
	State state() {
		start();
		return new State(anchor, Optional.ofNullable(finding));
	}

	/** The hash this process gave entry {@code seq} when appending it, if it is among the recent ones. */
	Optional<String> appendedHash(long seq) {
		return Optional.ofNullable(recent.get(seq));
	}

	/** The lowest sequence number {@link #appendedHash} knows, or none. */
	long oldestAppended() {
		var oldest = recent.firstEntry();
		return oldest == null ? Long.MAX_VALUE : oldest.getKey();
	}

	/** What the anchor knows; {@code head} is frozen once there is a finding. */
	record State(Checkpoint.Mark head, Optional<Finding> finding) {
	}

	/** A difference between the chain and what tipx appended, found at start or when appending. */
	public record Finding(long firstInvalidEntry, String reason) {
	}
}
