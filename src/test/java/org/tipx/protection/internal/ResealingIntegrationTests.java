package org.tipx.protection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.TipxIntegrationTest;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;

/**
 * Re-sealing walks a table batch by batch: a table several batches long is re-sealed to the last row, each value
 * bound to its own row, and what is already sealed under the primary key is left as it is. Runs on a table of its
 * own, so no other test's data is re-sealed and the field keys stay as they are.
 */
@TipxIntegrationTest
class ResealingIntegrationTests {

	private static final int ROWS = Resealing.BATCH * 2 + 234;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	/** The owner of the schema, who may create and drop tables; tipx's own role reads and writes their rows. */
	JdbcClient owner;

	@Autowired
	void asTheSchemaOwner(@FlywayDataSource DataSource schemaOwner) {
		owner = JdbcClient.create(schemaOwner);
	}

	String table;

	SealedColumn column;

	@BeforeEach
	void aTableOfItsOwn() {
		table = "reseal_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		owner.sql("CREATE TABLE " + table + " (id UUID PRIMARY KEY, secret TEXT)").update();
		column = new SealedColumn(table, "id", "secret", "probe.secret");
	}

	@AfterEach
	void drop() {
		owner.sql("DROP TABLE " + table).update();
	}

	@Test
	void aTableLongerThanSeveralBatchesIsResealedToTheLastRow() {
		int alreadySealed = 0;
		for (int i = 0; i < ROWS; i++) {
			UUID id = UUID.randomUUID();
			String plaintext = "secret " + i;
			// every tenth row was sealed under the primary key already; the rest is plaintext from before sealing
			boolean sealed = i % 10 == 0;
			alreadySealed += sealed ? 1 : 0;
			jdbc.sql("INSERT INTO " + table + " (id, secret) VALUES (?, ?)")
					.params(id, sealed ? cipher.seal(plaintext, column.context(id)) : plaintext).update();
		}
		jdbc.sql("INSERT INTO " + table + " (id, secret) VALUES (?, NULL)").param(UUID.randomUUID()).update();
		Resealing resealing = new Resealing(jdbc, cipher, List.of(column));
		assertThat(resealing.valuesByKey()).containsEntry(-1, ROWS - alreadySealed);

		Map<String, Integer> resealed = resealing.run();

		assertThat(resealed).containsExactly(Map.entry(table + ".secret", ROWS - alreadySealed));
		List<Row> rows = jdbc.sql("SELECT id, secret FROM " + table + " WHERE secret IS NOT NULL")
				.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2))).list();
		assertThat(rows).hasSize(ROWS);
		assertThat(rows).allSatisfy(row -> {
			assertThat(cipher.isSealed(row.secret())).as(row.id().toString()).isTrue();
			assertThat(cipher.sealedUnderOldKey(row.secret())).isFalse();
			assertThat(cipher.open(row.secret(), column.context(row.id()))).startsWith("secret ");
		});
		assertThat(rows.stream().map(row -> cipher.open(row.secret(), column.context(row.id()))).distinct())
				.hasSize(ROWS);
		assertThat(resealing.valuesByKey()).doesNotContainKey(-1).containsValue(ROWS);
		assertThat(resealing.run()).as("nothing left to do").containsExactly(Map.entry(table + ".secret", 0));
	}

	private record Row(UUID id, String secret) {
	}
}
