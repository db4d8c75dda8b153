package org.tipx.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipx.Api;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.audit.ChainVerification;

import tools.jackson.databind.JsonNode;

/**
 * The three ways the probe of issue 20 made a tampered chain verify: cutting entries off the end while tipx was
 * stopped, cutting them off while it ran and letting it append more, and rewriting an entry with every later hash
 * recomputed. Each leaves the chain consistent in itself; only what tipx itself appended (the anchor in memory, the
 * checkpoint file at start) shows the difference. Each test breaks its chain for good, so each gets a fresh context.
 */
@TipxIntegrationTest
@TestPropertySource(properties = "tipx.test.context=audit-anchoring")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditChainAnchoringIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	/** The owner of the tables (the role migrations run as): tipx's own role may not switch the triggers off. */
	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditLedger ledger;

	@Autowired
	Checkpoint checkpoint;

	@LocalServerPort
	int port;

	Api api;

	String admin;

	@BeforeEach
	void someHistory() {
		api = new Api(port);
		admin = api.login("admin", TipxIntegrationTest.ADMIN_PASSWORD);
		for (int i = 0; i < 6; i++) {
			audit.recordFor("tester", AuditRecord.success("test.event", "thing", "t" + i));
		}
	}

	@Test
	void entriesCutOffWhileTipxWasStoppedAreReportedWhenItStartsAgainEvenAfterNewEntries() throws Exception {
		checkpoint.flush(); // as tipx does when it stops
		Checkpoint.Mark lastWritten = checkpoint.read().orElseThrow();
		long kept = lastWritten.length() - 3;
		// tipx is stopped; the last three entries are cut off and the head set back, so the table looks whole
		asSuperuser("DELETE FROM audit_entry WHERE seq > " + kept,
				"UPDATE audit_head SET seq = " + kept + ", hash = (SELECT hash FROM audit_entry WHERE seq = " + kept
						+ ") WHERE id = 1");

		// tipx starts again: a new anchor and checkpoint on the same checkpoint file and key
		Checkpoint restartedCheckpoint = new Checkpoint(checkpoint.file(), checkpoint.keyFile().toString());
		ChainAnchor restarted = new ChainAnchor(ledger, restartedCheckpoint);
		restarted.start();
		assertThat(restarted.finding()).map(ChainAnchor.Finding::firstInvalidEntry).contains(kept + 1);

		// and records more than was cut off, so that the chain is longer than the checkpoint again
		GroupCommit commits = new GroupCommit(ledger, restarted, java.time.Duration.ofSeconds(10));
		JdbcAuditTrail trail = new JdbcAuditTrail(commits);
		for (int i = 0; i < 5; i++) {
			trail.recordFor("tester", AuditRecord.success("test.after-restart", "thing", "r" + i));
		}
		commits.stop();
		ChainVerification result = new ChainVerifier(ledger, restartedCheckpoint, restarted).verify();
		restartedCheckpoint.stop();

		assertThat(result.valid()).isFalse();
		assertThat(result.firstInvalidEntry()).isEqualTo(kept + 1);
		assertThat(result.reason()).contains("at start").contains("missing");
		assertThat(result.checkpointEntry()).isEqualTo(lastWritten.length());
		// the checkpoint file was not rolled back to the shorter chain
		assertThat(restartedCheckpoint.read()).contains(lastWritten);
	}

	@Test
	void entriesCutOffWhileTipxRunsAreReportedAfterLaterCallsAndVerificationDoesNotReanchor() {
		long head = ledger.head().length();
		long kept = head - 3;
		asSuperuser("DELETE FROM audit_entry WHERE seq > " + kept,
				"UPDATE audit_head SET seq = " + kept + ", hash = (SELECT hash FROM audit_entry WHERE seq = " + kept
						+ ") WHERE id = 1");
		// a few audited calls: more entries than were cut off, so the chain is as long as before and longer
		for (int i = 0; i < 3; i++) {
			api.login("admin", TipxIntegrationTest.ADMIN_PASSWORD);
			audit.recordFor("tester", AuditRecord.success("test.after-cut", "thing", "c" + i));
		}
		assertThat(ledger.head().length()).isGreaterThan(head);

		JsonNode first = api.get(admin, "/api/v1/audit/verify").json();
		assertThat(first.get("valid").asBoolean()).isFalse();
		assertThat(first.get("firstInvalidEntry").asLong()).isEqualTo(kept + 1);
		assertThat(first.get("reason").asString()).contains("set back to entry " + kept).contains("removed");
		// the first verification's own entry is appended after it and does not make the chain look right again
		JsonNode second = api.get(admin, "/api/v1/audit/verify").json();
		assertThat(second.get("valid").asBoolean()).isFalse();
		assertThat(second.get("firstInvalidEntry").asLong()).isEqualTo(kept + 1);
		// and the audit page says so without being asked to verify
		assertThat(Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD).get("/admin/audit")
				.text("#tampered")).contains("changed outside tipx").contains("set back to entry " + kept);
	}

	@Test
	void aRewrittenEntryWithEveryLaterHashRecomputedIsReportedAfterLaterCalls() {
		List<AuditEntry> originals = new ArrayList<>();
		ledger.forEachInOrder(originals::add);
		long target = originals.get(originals.size() - 1).seq() - 4;
		// a careful forger changes one entry, recomputes every later hash and moves the head along
		List<String> statements = new ArrayList<>();
		String previous = originals.get((int) target - 2).hash();
		for (AuditEntry e : originals.subList((int) target - 1, originals.size())) {
			String actor = e.seq() == target ? "mallory" : e.actor();
			String hash = HashChain.hash(e.seq(), e.at(), actor, e.actorId(), e.organisationId(), e.action(),
					e.objectType(), e.objectId(), e.outcome(), e.detail(), previous);
			statements.add("UPDATE audit_entry SET actor = '" + actor + "', prev_hash = '" + previous + "', hash = '"
					+ hash + "' WHERE seq = " + e.seq());
			previous = hash;
		}
		statements.add("UPDATE audit_head SET hash = '" + previous + "' WHERE id = 1");
		asSuperuser(statements.toArray(String[]::new));
		for (int i = 0; i < 3; i++) {
			api.login("admin", TipxIntegrationTest.ADMIN_PASSWORD);
		}

		JsonNode result = api.get(admin, "/api/v1/audit/verify").json();
		assertThat(result.get("valid").asBoolean()).isFalse();
		assertThat(result.get("firstInvalidEntry").asLong()).isEqualTo(target);
		assertThat(result.get("reason").asString()).contains("rewritten");
		assertThat(api.get(admin, "/api/v1/audit/verify").json().get("valid").asBoolean()).isFalse();
	}

	/** Runs statements as the owner of the tables, who may switch the audit triggers off, in one transaction. */
	private void asSuperuser(String... statements) {
		JdbcClient asOwner = JdbcClient.create(owner);
		new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(status -> {
			asOwner.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
			for (String sql : statements) {
				asOwner.sql(sql).update();
			}
			asOwner.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
		});
	}
}
