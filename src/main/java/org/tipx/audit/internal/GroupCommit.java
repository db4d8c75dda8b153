package org.tipx.audit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.UnavailableException;

/**
 * Group commit of audit entries (ADR 0023): concurrent callers hand their entries to one writer thread, which links
 * whatever is waiting into the chain and commits it in one transaction, and each caller waits for its own entry's
 * commit before it goes on. So an audited answer is never given before its entry is durable, while concurrent calls
 * share one lock of the chain head and one WAL flush instead of taking turns.
 * <p>
 * The writer does not wait to gather a batch: it takes what arrived while the previous batch was committing, so a
 * lone caller pays one commit, as before. The wait is bounded ({@code tipx.audit.commit-wait}): a caller whose entry
 * was not committed in time, or whose batch failed, gets an {@link UnavailableException} (503) and must not answer.
 * Its entry may still be committed later: an audited call that was refused, never an answered call unaudited.
 * <p>
 * A group is written in one statement linked to the head this process last appended ({@link AuditLedger#appendAfter},
 * ADR 0029), and through the head's lock only if the database head is not that one.
 * <p>
 * A batch that fails is retried entry by entry, so that one entry the database refuses fails only its own caller.
 * Once the application stops, entries are appended directly by the caller, as before group commit.
 */
@Component
public class GroupCommit {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/** Enough to take every waiting request thread in one batch; bounds one transaction's size. */
	static final int MAX_BATCH = 512;

	private final AuditLedger ledger;

	private final ChainAnchor anchor;

	private final Duration wait;

	private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();

	private final Thread writer;

	private volatile boolean running = true;

	/** Whether a group is first tried in one statement on the anchor; off only to measure the locked path (ADR 0029). */
	private final boolean oneStatement;

	@org.springframework.beans.factory.annotation.Autowired
	GroupCommit(AuditLedger ledger, ChainAnchor anchor,
			@Value("${tipx.audit.commit-wait:PT10S}") Duration wait) {
		this(ledger, anchor, wait, true);
	}

	GroupCommit(AuditLedger ledger, ChainAnchor anchor, Duration wait, boolean oneStatement) {
		this.oneStatement = oneStatement;
		this.ledger = ledger;
		this.anchor = anchor;
		this.wait = wait;
		this.writer = new Thread(this::write, oneStatement ? "tipx-audit-writer" : "tipx-audit-writer-locked");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Appends the entry and returns once it is committed.
	 *
	 * @throws UnavailableException if it was not committed within the wait, or its commit failed
	 */
	public AuditEntry commit(AuditDraft draft) {
		if (!running) {
			return anchor.appendAll(() -> ledger.appendAll(List.of(draft))).get(0);
		}
		Waiting waiting = new Waiting(draft, new CompletableFuture<>());
		queue.add(waiting);
		return awaited(waiting);
	}

	/**
	 * Queues the entry and returns at once; the entry is committed in queue order, and {@link AuditTrail.Pending#await()}
	 * returns once it is (or throws as {@link #commit} does). Once the application stops, the entry is appended here.
	 */
	public AuditTrail.Pending queue(AuditDraft draft) {
		if (!running) {
			anchor.appendAll(() -> ledger.appendAll(List.of(draft)));
			return () -> {
			};
		}
		Waiting waiting = new Waiting(draft, new CompletableFuture<>());
		queue.add(waiting);
		return () -> awaited(waiting);
	}

	private AuditEntry awaited(Waiting waiting) {
		try {
			return waiting.committed().get(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException e) {
			throw unavailable("the audit entry was not committed within " + wait.toMillis() + " ms", e);
		}
		catch (ExecutionException e) {
			throw unavailable("the audit entry could not be committed", e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw unavailable("interrupted while the audit entry was being committed", e);
		}
	}

	private static UnavailableException unavailable(String why, Throwable cause) {
		return new UnavailableException("This request could not be recorded in the audit trail, so it is not answered ("
				+ why + "); try again shortly", Duration.ofSeconds(5), cause);
	}

	private void write() {
		List<Waiting> batch = new ArrayList<>();
		while (running || !queue.isEmpty()) {
			try {
				Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException e) {
				// nobody interrupts it but the JVM going down: write what is queued, then callers append directly
				log.warn("The audit writer was interrupted; callers append directly from now on");
				running = false;
			}
			catch (RuntimeException | Error e) {
				log.error("The audit writer failed; its callers are answered 503", e);
				batch.forEach(w -> w.committed().completeExceptionally(e));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Waiting> batch) {
		List<AuditEntry> entries;
		try {
			List<AuditDraft> drafts = batch.stream().map(Waiting::draft).toList();
			entries = anchor.appendAll(head -> oneStatement ? ledger.appendAfter(head, drafts) : Optional.empty(),
					() -> ledger.appendAll(drafts));
		}
		catch (RuntimeException e) {
			if (batch.size() == 1) {
				batch.get(0).committed().completeExceptionally(e);
				return;
			}
			// find the entry the database refused: the others are committed one by one
			for (Waiting one : batch) {
				commit(List.of(one));
			}
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).committed().complete(entries.get(i));
		}
	}

	/**
	 * Writes what is queued, then lets callers append directly. The writer is not interrupted (an interrupt could
	 * abort a commit in flight): it notices within its 100 ms poll.
	 */
	@PreDestroy
	void stop() throws InterruptedException {
		running = false;
		writer.join(wait.toMillis());
		// a caller that queued just as the writer ended
		List<Waiting> left = new ArrayList<>();
		queue.drainTo(left);
		if (!left.isEmpty()) {
			commit(left);
		}
	}

	private record Waiting(AuditDraft draft, CompletableFuture<AuditEntry> committed) {
	}
}
