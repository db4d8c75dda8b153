package org.tipx.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.TipxIntegrationTest;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.UnavailableException;

/**
 * Concurrent audited calls share commits (ADR 0023) and still form one verifiable chain; a call whose entry is not
 * committed in time is refused rather than let through unaudited.
 */
@TipxIntegrationTest
class GroupCommitIntegrationTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditLedger ledger;

	@Autowired
	ChainAnchor anchor;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentCallsAreCommittedTogetherAsOneChainThatVerifies() throws Exception {
		String run = UUID.randomUUID().toString();
		int threads = 8;
		int each = 40;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> calls = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			calls.add(pool.submit(() -> {
				for (int i = 0; i < each; i++) {
					audit.recordFor("group-tester", AuditRecord.success("test.group", "thing", run + "-" + thread + "-" + i));
				}
			}));
		}
		for (Future<?> call : calls) {
			call.get();
		}
		pool.shutdown();

		long entries = jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id LIKE ?").param(run + "-%")
				.query(Long.class).single();
		long commits = jdbc.sql("SELECT count(DISTINCT at) FROM audit_entry WHERE object_id LIKE ?").param(run + "-%")
				.query(Long.class).single();
		assertThat(entries).as("every call's entry is there once it returned").isEqualTo(threads * each);
		assertThat(commits).as("entries of waiting calls share a commit (one timestamp per group)").isLessThan(entries);
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	void aCallWhoseEntryIsNotCommittedInTimeIsRefusedAndItsEntryIsKeptWhenTheDatabaseRecovers() throws Exception {
		GroupCommit commits = new GroupCommit(ledger, anchor, Duration.ofMillis(300));
		String object = UUID.randomUUID().toString();
		try {
			try (Connection stall = dataSource.getConnection()) {
				// the database stalls the chain head (as a long lock or a hung disk would)
				stall.setAutoCommit(false);
				stall.createStatement().execute("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE");
				assertThatThrownBy(() -> commits.commit(new AuditDraft("stalled", null, null, "test.stalled", "thing",
						object, "SUCCESS", null))).isInstanceOf(UnavailableException.class)
						.hasMessageContaining("not answered");
				stall.rollback();
			}
			long kept = 0;
			for (int i = 0; i < 100 && kept == 0; i++) {
				Thread.sleep(100);
				kept = jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id = ?").param(object).query(Long.class)
						.single();
			}
			assertThat(kept).as("the refused call is still recorded once the head is free").isEqualTo(1);
			assertThat(verifier.verify().valid()).isTrue();
		}
		finally {
			commits.stop();
		}
	}
	@Test
	void aGroupIsWrittenInOneStatementLinkedToTheHeadTipxLastAppended() {
		String run = UUID.randomUUID().toString();
		List<AuditDraft> drafts = List.of(draft(run + "-1"), draft(run + "-2"), draft(run + "-3"));

		List<AuditEntry> written = anchor.appendAll(head -> ledger.appendAfter(head, drafts), () -> {
			throw new AssertionError("the head was the anchor's: the group needs no lock of the head");
		});

		assertThat(written).extracting(AuditEntry::objectId).containsExactly(run + "-1", run + "-2", run + "-3");
		assertThat(written.get(1).prevHash()).isEqualTo(written.get(0).hash());
		assertThat(ledger.head()).isEqualTo(new Checkpoint.Mark(written.get(2).seq(), written.get(2).hash()));
		assertThat(ledger.find(written.get(1).seq())).contains(written.get(1));
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	void aGroupExpectingAnotherHeadWritesNothingAndGoesThroughTheHeadsLock() {
		String run = UUID.randomUUID().toString();
		List<AuditDraft> drafts = List.of(draft(run + "-1"), draft(run + "-2"));
		List<Boolean> locked = new ArrayList<>();

		List<AuditEntry> written = anchor.appendAll(
				head -> ledger.appendAfter(new Checkpoint.Mark(head.length(), "f".repeat(64)), drafts), () -> {
					locked.add(true);
					return ledger.appendAll(drafts);
				});

		assertThat(locked).as("the one statement wrote nothing, so the lock path ran").containsExactly(true);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE object_id LIKE ?").param(run + "-%")
				.query(Long.class).single()).as("each entry once").isEqualTo(2);
		assertThat(written.get(0).seq() + 1).isEqualTo(written.get(1).seq());
		assertThat(verifier.verify().valid()).isTrue();
	}

	private static AuditDraft draft(String object) {
		return new AuditDraft("group-tester", null, null, "test.group", "thing", object, "SUCCESS", "one statement");
	}
}
