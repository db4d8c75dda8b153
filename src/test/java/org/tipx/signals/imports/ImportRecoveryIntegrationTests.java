package org.tipx.signals.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.TipxIntegrationTest;

/**
 * An import a crash or restart left half-way is marked failed at the next start, with its staged rows cleared and
 * its Idempotency-Key released so the sender can send the same file again.
 */
@TipxIntegrationTest
class ImportRecoveryIntegrationTests {

	@Autowired
	ImportLedger ledger;

	@Autowired
	Staging staging;

	@Autowired
	ImportRecovery recovery;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anImportInterruptedByARestartIsMarkedFailedAndLeavesNothingBehind() {
		UUID organisation = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		ledger.open(id, organisation, null, ImportFormat.CSV, "nightly-batch", Instant.now());
		try (Staging.Batch batch = staging.batch(id)) {
			batch.add(new StagedRow(2, "r1", "Compound", null, "SCAM_COMPOUND", "GREEN", "KH", Instant.now(), null,
					"phone", "+85512345678", null, null));
		}
		ledger.accept(id, "0".repeat(64), 100, 1, 1);

		recovery.failInterrupted();

		StoredImport failed = ledger.find(id).orElseThrow();
		assertThat(failed.state()).isEqualTo(ImportState.FAILED);
		assertThat(failed.detail()).contains("interrupted by a restart");
		assertThat(failed.idempotencyKey()).isNull();
		assertThat(ledger.byKey(organisation, "nightly-batch")).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM signals_import_row WHERE import_id = ?").param(id)
				.query(Long.class).single()).isZero();
	}
}
