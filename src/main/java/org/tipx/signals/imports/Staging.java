package org.tipx.signals.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rows waiting to be filed ({@code signals_import_row}). Rows go in with PostgreSQL's COPY in batches of about a
 * megabyte, and come out through a cursor, so neither way holds a whole file in memory.
 */
@Repository
class Staging {

	private static final int BATCH_BYTES = 1 << 20;

	private static final String COPY = "COPY signals_import_row (import_id, row_no, report_key, title, description,"
			+ " category, tlp, reporter_country, observed_at, confidence, type, value, platform, chain) FROM STDIN";

	private static final String COLUMNS = "row_no, report_key, title, description, category, tlp, reporter_country,"
			+ " observed_at, confidence, type, value, platform, chain";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final JdbcTemplate cursor;

	Staging(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(1_000);
	}

	/** A batch writer for one import's rows; closing it writes what is left. */
	Batch batch(UUID importId) {
		return new Batch(importId);
	}

	long reports(UUID importId) {
		return jdbc.sql("SELECT count(DISTINCT report_key) FROM signals_import_row WHERE import_id = ?").param(importId)
				.query(Long.class).single();
	}

	/**
	 * Rows whose report-level columns differ from the first row of their report, and rows beyond the most indicators
	 * a report may have, in row order.
	 */
	@Transactional(readOnly = true)
	public void disagreements(UUID importId, int maxIndicators, Consumer<RowError> each) {
		sortInMemory();
		cursor.query("""
				SELECT row_no, report_key, first_row, n, title <> f_title AS title,
				  description IS DISTINCT FROM f_description AS description, category <> f_category AS category,
				  tlp <> f_tlp AS tlp, reporter_country <> f_country AS reporter_country,
				  observed_at <> f_observed AS observed_at, confidence IS DISTINCT FROM f_confidence AS confidence
				FROM (SELECT s.*, first_value(row_no) OVER w AS first_row, row_number() OVER w AS n,
				        first_value(title) OVER w AS f_title, first_value(description) OVER w AS f_description,
				        first_value(category) OVER w AS f_category, first_value(tlp) OVER w AS f_tlp,
				        first_value(reporter_country) OVER w AS f_country, first_value(observed_at) OVER w AS f_observed,
				        first_value(confidence) OVER w AS f_confidence
				      FROM signals_import_row s WHERE import_id = ?
				      WINDOW w AS (PARTITION BY report_key ORDER BY row_no)) x
				WHERE title <> f_title OR description IS DISTINCT FROM f_description OR category <> f_category
				  OR tlp <> f_tlp OR reporter_country <> f_country OR observed_at <> f_observed
				  OR confidence IS DISTINCT FROM f_confidence OR n > ?
				ORDER BY row_no""", rs -> {
			long row = rs.getLong("row_no");
			String key = quoted(rs.getString("report_key"));
			for (Column column : Column.values()) {
				if (column.reportLevel() && column != Column.REPORT_KEY && rs.getBoolean(column.wire())) {
					each.accept(RowError.at(row, column, "differs from row " + rs.getLong("first_row")
							+ ", the first row of report " + key + ": rows of one report must agree on it"));
				}
			}
			if (rs.getLong("n") > maxIndicators) {
				each.accept(RowError.row(row, "report " + key + " has more than " + maxIndicators + " indicators"));
			}
		}, importId, maxIndicators);
	}

	/**
	 * Hands over the staged rows one report at a time, in report-key order. Runs in the caller's transaction, which
	 * the cursor needs.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void eachReport(UUID importId, Consumer<List<StagedRow>> each) {
		sortInMemory();
		List<List<StagedRow>> current = new ArrayList<>(List.of(new ArrayList<>()));
		cursor.query("SELECT " + COLUMNS + " FROM signals_import_row WHERE import_id = ? ORDER BY report_key, row_no",
				rs -> {
					StagedRow row = map(rs);
					List<StagedRow> rows = current.get(0);
					if (!rows.isEmpty() && !rows.get(0).reportKey().equals(row.reportKey())) {
						each.accept(rows);
						current.set(0, rows = new ArrayList<>());
					}
					rows.add(row);
				}, importId);
		if (!current.get(0).isEmpty()) {
			each.accept(current.get(0));
		}
	}

	/**
	 * Staged rows carry no index (ADR 0021: a btree entry per staged row cost more than the sort), so both reads sort
	 * the import's rows; give this transaction's sorts room to stay in memory for files of a few hundred megabytes.
	 */
	private void sortInMemory() {
		jdbc.sql("SET LOCAL work_mem = '256MB'").update();
	}

	void delete(UUID importId) {
		jdbc.sql("DELETE FROM signals_import_row WHERE import_id = ?").param(importId).update();
	}

	private static StagedRow map(ResultSet rs) throws SQLException {
		int confidence = rs.getInt("confidence");
		return new StagedRow(rs.getLong("row_no"), rs.getString("report_key"), rs.getString("title"),
				rs.getString("description"), rs.getString("category"), rs.getString("tlp"),
				rs.getString("reporter_country"), rs.getObject("observed_at", OffsetDateTime.class).toInstant(),
				rs.wasNull() ? null : confidence, rs.getString("type"), rs.getString("value"), rs.getString("platform"),
				rs.getString("chain"));
	}

	private static String quoted(String key) {
		return "'" + (key.length() <= 60 ? key : key.substring(0, 60) + "…") + "'";
	}

	/** Buffers rows in COPY text format and sends them when about a megabyte has gathered. */
	final class Batch implements AutoCloseable {

		private final String importId;

		private final Buffer buffer = new Buffer();

		private Batch(UUID importId) {
			this.importId = importId.toString();
		}

		void add(StagedRow row) {
			field(importId);
			field(Long.toString(row.number()));
			field(row.reportKey());
			field(row.title());
			field(row.description());
			field(row.category());
			field(row.tlp());
			field(row.reporterCountry());
			field(row.observedAt().toString());
			field(row.confidence() == null ? null : row.confidence().toString());
			field(row.type());
			field(row.value());
			field(row.platform());
			buffer.write(row.chain() == null ? "\\N" : escaped(row.chain()));
			buffer.write("\n");
			if (buffer.size() >= BATCH_BYTES) {
				flush();
			}
		}

		@Override
		public void close() {
			flush();
		}

		private void field(String value) {
			buffer.write(value == null ? "\\N" : escaped(value));
			buffer.write("\t");
		}

		private void flush() {
			if (buffer.size() == 0) {
				return;
			}
			// A connection of its own, never the caller's transaction: each batch commits by itself.
			try (Connection connection = dataSource.getConnection()) {
				copy(connection);
			}
			catch (SQLException e) {
				throw new IllegalStateException("staging rows failed", e);
			}
			buffer.reset();
		}

		private void copy(Connection connection) throws SQLException {
			try {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					// Staged rows are scratch: a crash fails the import anyway, so no need to wait for the disk.
					statement.execute("SET LOCAL synchronous_commit TO OFF");
				}
				CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
				try {
					copy.writeToCopy(buffer.bytes(), 0, buffer.size());
					copy.endCopy();
				}
				finally {
					if (copy.isActive()) {
						copy.cancelCopy();
					}
				}
				connection.commit();
			}
			catch (SQLException e) {
				rollback(connection);
				throw e;
			}
			finally {
				restoreAutoCommit(connection);
			}
		}

		private static void rollback(Connection connection) {
			try {
				connection.rollback();
			}
			catch (SQLException ignored) {
				// the connection is broken; the pool discards it
			}
		}

		private static void restoreAutoCommit(Connection connection) {
			try {
				connection.setAutoCommit(true);
			}
			catch (SQLException ignored) {
				// the connection is broken; the pool discards it
			}
		}

		private static String escaped(String value) {
			StringBuilder out = null;
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				String replacement = switch (c) {
					case '\\' -> "\\\\";
					case '\t' -> "\\t";
					case '\n' -> "\\n";
					case '\r' -> "\\r";
					default -> null;
				};
				if (replacement != null && out == null) {
					out = new StringBuilder(value.length() + 8).append(value, 0, i);
				}
				if (out != null && replacement != null) {
					out.append(replacement);
				}
				else if (out != null) {
					out.append(c);
				}
			}
			return out == null ? value : out.toString();
		}
	}

	/** A byte buffer that lends its array to COPY instead of copying it. */
	private static final class Buffer extends ByteArrayOutputStream {

		Buffer() {
			super(BATCH_BYTES + (BATCH_BYTES >> 2));
		}

		void write(String text) {
			writeBytes(text.getBytes(StandardCharsets.UTF_8));
		}

		byte[] bytes() {
			return buf;
		}
	}
}
