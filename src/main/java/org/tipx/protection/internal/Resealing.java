package org.tipx.protection.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;

/**
 * Walks every declared {@link SealedColumn} and re-seals what is not sealed under the primary key: values sealed under
 * an older key after a rotation, and plaintext stored before the column was sealed. Row by row, in small batches, each
 * update conditional on the value being unchanged, so it runs while tipx serves requests.
 */
public class Resealing {

	private static final Logger log = LoggerFactory.getLogger(Resealing.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final List<SealedColumn> columns;

	public Resealing(JdbcClient jdbc, FieldCipher cipher, List<SealedColumn> columns) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.columns = List.copyOf(columns);
	}

	/** Re-seals every column; returns how many values each column had re-sealed, by {@code table.column}. */
	public Map<String, Integer> run() {
		Map<String, Integer> resealed = new LinkedHashMap<>();
		for (SealedColumn column : columns) {
			int count = reseal(column);
			resealed.put(column.table() + "." + column.valueColumn(), count);
			if (count > 0) {
				log.info("Re-sealed {} values of {}.{} under the primary field key", count, column.table(),
						column.valueColumn());
			}
		}
		return resealed;
	}

	/** How many sealed values each key holds, over all declared columns, by key id (plaintext counted as -1). */
	public Map<Integer, Integer> valuesByKey() {
		Map<Integer, Integer> counts = new TreeMap<>();
		for (SealedColumn column : columns) {
			for (Row row : all(column)) {
				int key = cipher.isSealed(row.value()) ? TinkFieldCipher.keyId(row.value()) : -1;
				counts.merge(key, 1, Integer::sum);
			}
		}
		return counts;
	}

	private int reseal(SealedColumn column) {
		int count = 0;
		for (Row row : all(column)) {
			String value = row.value();
			String plaintext;
			if (!cipher.isSealed(value)) {
				plaintext = value;
			}
			else if (cipher.sealedUnderOldKey(value)) {
				plaintext = cipher.open(value, column.context(row.id()));
			}
			else {
				continue;
			}
			String sealed = cipher.seal(plaintext, column.context(row.id()));
			count += jdbc.sql("UPDATE " + column.table() + " SET " + column.valueColumn() + " = ? WHERE "
					+ column.idColumn() + " = ? AND " + column.valueColumn() + " = ?")
					.params(sealed, row.key(), value).update();
		}
		return count;
	}

	private List<Row> all(SealedColumn column) {
		List<Row> rows = new ArrayList<>();
		String last = null;
		while (true) {
			String sql = "SELECT " + column.idColumn() + ", " + column.idColumn() + "::text, " + column.valueColumn()
					+ " FROM " + column.table() + " WHERE " + column.valueColumn() + " IS NOT NULL"
					+ (last == null ? "" : " AND " + column.idColumn() + "::text > ?") + " ORDER BY "
					+ column.idColumn() + "::text LIMIT " + BATCH;
			JdbcClient.StatementSpec statement = jdbc.sql(sql);
			if (last != null) {
				statement = statement.param(last);
			}
			List<Row> batch = statement.query((rs, n) -> new Row(rs.getObject(1), rs.getString(2), rs.getString(3)))
					.list();
			rows.addAll(batch);
			if (batch.size() < BATCH) {
				return rows;
			}
			last = batch.get(batch.size() - 1).id();
		}
	}

	/** A row: its key as the driver reads it, the key's text (the context id), and the stored value. */
	private record Row(Object key, String id, String value) {
	}
}
