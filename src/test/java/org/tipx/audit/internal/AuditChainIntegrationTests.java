package org.tipx.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.tipx.Api;
import org.tipx.TipxIntegrationTest;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.audit.ChainVerification;

/**
 * Someone with direct database access edits, deletes or cuts off audit rows; verification must fail at the right entry.
 * Each test restores what it broke. A context of its own keeps a failure here from spilling into other tests.
 */
@TipxIntegrationTest
@TestPropertySource(properties = "tipx.test.context=audit-tampering")
class AuditChainIntegrationTests {

	/**
	 * Direct database access as the owner of the tables (the role migrations run as), which is what someone who
	 * tampers with the database would use: tipx's own role may not alter tables or switch triggers off.
	 */
	JdbcClient jdbc;

	@Autowired
	void asTheSchemaOwner(@FlywayDataSource DataSource owner) {
		jdbc = JdbcClient.create(owner);
	}

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditLedger ledger;

	@Autowired
	Checkpoint checkpoint;

	/** Used directly where verifying through the API would itself append while the tail is missing. */
	@Autowired
	ChainVerifier verifier;

	@LocalServerPort
	int port;

	Api api;

	String admin;

	@BeforeEach
	void someHistory() {
		api = new Api(port);
		admin = api.login("admin", TipxIntegrationTest.ADMIN_PASSWORD);
		for (int i = 0; i < 5; i++) {
			audit.recordFor("tester", AuditRecord.success("test.event", "thing", "t" + i));
		}
	}

	@Test
	void anUntouchedChainVerifies() {
		var reply = api.get(admin, "/api/v1/audit/verify");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("valid").asBoolean()).isTrue();
		assertThat(reply.json().get("entries").asLong()).isGreaterThan(5);
		assertThat(reply.json().get("firstInvalidEntry").isNull()).isTrue();
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteEntries() {
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 1").update())
				.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE seq = 1").update())
				.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).hasMessageContaining("append-only");
	}

	@Test
	void anEditedEntryIsFoundAtItsSequenceNumber() {
		long target = ledger.count() - 2;
		String original = ledger.find(target).orElseThrow().actor();
		asOwner("UPDATE audit_entry SET actor = 'mallory' WHERE seq = " + target);
		try {
			var result = api.get(admin, "/api/v1/audit/verify").json();
			assertThat(result.get("valid").asBoolean()).isFalse();
			assertThat(result.get("firstInvalidEntry").asLong()).isEqualTo(target);
		}
		finally {
			asOwner("UPDATE audit_entry SET actor = '" + original + "' WHERE seq = " + target);
		}
		assertThat(api.get(admin, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void aDeletedEntryInTheMiddleIsFound() {
		long target = ledger.count() - 3;
		AuditEntry removed = ledger.find(target).orElseThrow();
		asOwner("DELETE FROM audit_entry WHERE seq = " + target);
		try {
			var result = api.get(admin, "/api/v1/audit/verify").json();
			assertThat(result.get("valid").asBoolean()).isFalse();
			assertThat(result.get("firstInvalidEntry").asLong()).isEqualTo(target);
		}
		finally {
			reinsert(List.of(removed));
		}
		assertThat(api.get(admin, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void entriesCutOffTheEndAreCaughtByTheCheckpoint() throws Exception {
		long length = ledger.count();
		checkpoint.flush();
		assertThat(Files.readString(checkpoint.file())).contains("length=" + length);
		List<AuditEntry> tail = new ArrayList<>();
		for (long seq = length - 2; seq <= length; seq++) {
			tail.add(ledger.find(seq).orElseThrow());
		}
		// Cut off the last three and reset the head: the table alone now looks like a perfect chain.
		jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
		try {
			jdbc.sql("DELETE FROM audit_entry WHERE seq > ?").param(length - 3).update();
			var result = verifier.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstInvalidEntry()).isEqualTo(length - 2);
			assertThat(result.reason()).contains("cut off");
		}
		finally {
			jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
			reinsert(tail);
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	void aConsistentlyRehashedChainIsCaughtByTheCheckpoint() {
		long length = ledger.count();
		List<AuditEntry> originals = new ArrayList<>();
		ledger.forEachInOrder(originals::add);
		long target = length - 4;
		// A careful forger changes one entry and recomputes every later hash so the links all match again.
		List<AuditEntry> forged = new ArrayList<>();
		String previous = originals.get((int) target - 2).hash();
		for (AuditEntry e : originals.subList((int) target - 1, originals.size())) {
			String actor = e.seq() == target ? "mallory" : e.actor();
			String hash = HashChain.hash(e.seq(), e.at(), actor, e.actorId(), e.organisationId(), e.action(),
					e.objectType(), e.objectId(), e.outcome(), e.detail(), previous);
			forged.add(new AuditEntry(e.seq(), e.at(), actor, e.actorId(), e.organisationId(), e.action(),
					e.objectType(), e.objectId(), e.outcome(), e.detail(), previous, hash));
			previous = hash;
		}
		replace(forged);
		try {
			var result = verifier.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.reason()).contains("rewritten");
		}
		finally {
			replace(originals.subList((int) target - 1, originals.size()));
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	void appendsFromManyThreadsWhileVerifyingAreNotTakenForTampering() throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(4);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			done.add(callers.submit(() -> {
				for (int i = 0; i < 50; i++) {
					audit.recordFor("tester", AuditRecord.success("test.concurrent", "thing", thread + "-" + i));
				}
			}));
		}
		List<ChainVerification> during = new ArrayList<>();
		while (done.stream().anyMatch(f -> !f.isDone())) {
			during.add(verifier.verify());
		}
		for (Future<?> f : done) {
			f.get();
		}
		callers.shutdown();
		assertThat(during).allSatisfy(v -> assertThat(v.reason()).isNull());
		assertThat(api.get(admin, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void onlyAdministratorsMayVerify() {
		assertThat(api.get(null, "/api/v1/audit/verify").status()).isEqualTo(401);
	}

	private void asOwner(String sql) {
		jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
		try {
			jdbc.sql(sql).update();
		}
		finally {
			jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
		}
	}

	private void replace(List<AuditEntry> entries) {
		jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
		try {
			for (AuditEntry e : entries) {
				jdbc.sql("UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?")
						.params(e.actor(), e.prevHash(), e.hash(), e.seq()).update();
			}
		}
		finally {
			jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
		}
	}

	private void reinsert(List<AuditEntry> entries) {
		for (AuditEntry e : entries) {
			jdbc.sql("INSERT INTO audit_entry (seq, at, actor, actor_id, organisation_id, action, object_type,"
					+ " object_id, outcome, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
					.params(e.seq(), e.at().atOffset(java.time.ZoneOffset.UTC), e.actor(), e.actorId(),
							e.organisationId(), e.action(), e.objectType(), e.objectId(), e.outcome(), e.detail(),
							e.prevHash(), e.hash())
					.update();
		}
	}
}
