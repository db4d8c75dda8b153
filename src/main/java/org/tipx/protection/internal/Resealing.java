package org.tipx.protection.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;

/**
 * Walks every declared {@link SealedColumn} and re-seals what is not sealed under the primary key: values sealed under
 * an older key after a rotation, and plaintext stored before the column was sealed. It reads a table in batches of
 * {@value #BATCH} rows in primary-key order (keyset pagination, so memory stays bounded whatever the table's size) and
 * writes each batch in one statement, its own transaction, each row's update conditional on the value being
 * unchanged, so it runs while tipx serves requests.
 */
public class Resealing {

	private static final Logger log = LoggerFactory.getLogger(Resealing.class);

	static final int BATCH = 500;

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
			eachBatch(column, batch -> {
				for (Row row : batch) {
					int key = cipher.isSealed(row.value()) ? TinkFieldCipher.keyId(row.value()) : -1;
					counts.merge(key, 1, Integer::sum);
				}
				return 0;
			});
		}
		return counts;
	}

	private int reseal(SealedColumn column) {
		return eachBatch(column, batch -> {
			List<Object> values = new ArrayList<>();
			for (Row row : batch) {
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
				values.add(row.key());
				values.add(value);
				values.add(cipher.seal(plaintext, column.context(row.id())));
			}
			return values.isEmpty() ? 0 : write(column, values);
		});
	}

	/** Writes a batch in one statement: each row only if its value is still the one that was read. */
	private int write(SealedColumn column, List<Object> values) {
		String rows = String.join(",", Collections.nCopies(values.size() / 3, "(?,?,?)"));
		return jdbc.sql("UPDATE " + column.table() + " AS t SET " + column.valueColumn() + " = v.sealed FROM (VALUES "
				+ rows + ") AS v(id, was, sealed) WHERE t." + column.idColumn() + " = v.id AND t."
				+ column.valueColumn() + " = v.was").params(values).update();
	}

	/**
	 * Hands the column's rows to {@code action} batch by batch, in primary-key order, each batch read after the
	 * previous one was handled; returns the sum of what {@code action} returned.
	 */
	private int eachBatch(SealedColumn column, ToIntFunction<List<Row>> action) {
		int total = 0;
		Object last = null;
		while (true) {
			String id = "t." + column.idColumn();
			String sql = "SELECT " + id + " AS row_key, " + id + "::text AS row_id, t." + column.valueColumn()
					+ " FROM " + column.table() + " AS t WHERE t." + column.valueColumn() + " IS NOT NULL"
					+ (last == null ? "" : " AND " + id + " > ?") + " ORDER BY " + id + " LIMIT " + BATCH;
			JdbcClient.StatementSpec statement = jdbc.sql(sql);
			if (last != null) {
				statement = statement.param(last);
			}
			List<Row> batch = statement.query((rs, n) -> new Row(rs.getObject(1), rs.getString(2), rs.getString(3)))
					.list();
			total += action.applyAsInt(batch);
			if (batch.size() < BATCH) {
				return total;
			}
			last = batch.get(batch.size() - 1).key();
		}
	}

	/** A row: its key as the driver reads it, the key's text (the context id), and the stored value. */
	private record Row(Object key, String id, String value) {
	}
}
