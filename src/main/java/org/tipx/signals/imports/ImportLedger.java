package org.tipx.signals.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipx.shared.Utc;

/**
 * The import table and its rejected rows. Progress is written in transactions of its own so that other requests
 * see it while the import's own transaction is still open.
 */
@Repository
class ImportLedger {

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	ImportLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Opens an import in state RECEIVED; fails with a duplicate key if the organisation holds the key already. */
	void open(UUID id, UUID organisationId, UUID createdBy, ImportFormat format, String idempotencyKey, Instant now) {
		open(id, organisationId, createdBy, format, idempotencyKey, null, now);
	}

	/** As above, keeping the name of the file the sender chose, if any. */
	void open(UUID id, UUID organisationId, UUID createdBy, ImportFormat format, String idempotencyKey,
			FileName fileName, Instant now) {
		jdbc.sql("""
				INSERT INTO signals_import (id, organisation_id, created_by, format, idempotency_key, file_name, state,
				  created_at)
				VALUES (?,?,?,?,?,?,'RECEIVED',?)""")
				.params(id, organisationId, createdBy, format.name(), idempotencyKey,
						fileName == null ? null : fileName.value(), Utc.at(now)).update();
	}

	Optional<StoredImport> find(UUID id) {
		return jdbc.sql("SELECT * FROM signals_import WHERE id = ?").param(id).query(ImportLedger::map).optional();
	}

	Optional<StoredImport> byKey(UUID organisationId, String idempotencyKey) {
		return jdbc.sql("SELECT * FROM signals_import WHERE organisation_id = ? AND idempotency_key = ?")
				.params(organisationId, idempotencyKey).query(ImportLedger::map).optional();
	}

	List<StoredImport> ofOrganisation(UUID organisationId, int limit) {
		return jdbc.sql("SELECT * FROM signals_import WHERE organisation_id = ? ORDER BY created_at DESC LIMIT ?")
				.params(organisationId, limit).query(ImportLedger::map).list();
	}

	List<RowError> errors(UUID id) {
		return jdbc.sql("""
				SELECT row_no, field, message, code, given FROM signals_import_error WHERE import_id = ?
				ORDER BY position""")
				.param(id).query((rs, n) -> {
					long row = rs.getLong(1);
					return new RowError(rs.wasNull() ? null : row, rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5));
				}).list();
	}

	void reading(UUID id, long bytes, long rows) {
		jdbc.sql("UPDATE signals_import SET bytes_read = ?, rows_read = ? WHERE id = ?").params(bytes, rows, id).update();
	}

	void accept(UUID id, String sha256, long bytes, long rows, long reports) {
		jdbc.sql("""
				UPDATE signals_import SET state = 'IMPORTING', body_sha256 = ?, bytes_read = ?, rows_read = ?,
				  reports_total = ? WHERE id = ?""")
				.params(sha256, bytes, rows, reports, id).update();
	}

	/**
	 * Rejects an import, keeping its first bad rows. Without a hash (the file was never read whole) the idempotency
	 * key is released.
	 */
	void reject(UUID id, String sha256, long bytes, long rows, RowErrors errors, String detail, Instant now) {
		jdbc.sql("""
				UPDATE signals_import SET state = 'REJECTED', body_sha256 = ?, bytes_read = ?, rows_read = ?,
				  errors_total = ?, detail = ?, finished_at = ?,
				  idempotency_key = CASE WHEN CAST(? AS text) IS NULL THEN NULL ELSE idempotency_key END
				WHERE id = ?""")
				.params(sha256, bytes, rows, errors.total(), detail, Utc.at(now), sha256, id).update();
		int position = 0;
		for (RowError error : errors.kept()) {
			jdbc.sql("""
					INSERT INTO signals_import_error (import_id, position, row_no, field, message, code, given)
					VALUES (?,?,?,?,?,?,?)""")
					.params(id, position++, error.row(), error.field(), error.message(), error.code(), error.given())
					.update();
		}
	}

	/** Progress of filing, committed at once whatever transaction the caller is in. */
	void filing(UUID id, long filed) {
		own.executeWithoutResult(status -> jdbc.sql("UPDATE signals_import SET reports_filed = ? WHERE id = ?")
				.params(filed, id).update());
	}

	/** Marks the import done, in the caller's transaction: it commits with the reports or not at all. */
	void done(UUID id, long filed, long invalid, Instant now) {
		jdbc.sql("""
				UPDATE signals_import SET state = 'DONE', reports_filed = ?, indicators_invalid = ?, finished_at = ?,
				  detail = NULL WHERE id = ?""")
				.params(filed, invalid, Utc.at(now), id).update();
	}

	/** Marks the import failed and releases its idempotency key, so the same file may be sent again. */
	void fail(UUID id, String detail, Instant now) {
		own.executeWithoutResult(status -> jdbc.sql("""
				UPDATE signals_import SET state = 'FAILED', reports_filed = 0, detail = ?, finished_at = ?,
				  idempotency_key = NULL WHERE id = ?""")
				.params(detail, Utc.at(now), id).update());
	}

	/** Imports that were being received or filed; after a restart none of them can still be running. */
	List<UUID> unfinished() {
		return jdbc.sql("SELECT id FROM signals_import WHERE state IN ('RECEIVED', 'IMPORTING')").query(UUID.class)
				.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static StoredImport map(ResultSet rs, int row) throws SQLException {
		return new StoredImport(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getObject("created_by", UUID.class), ImportFormat.valueOf(rs.getString("format")),
				rs.getString("idempotency_key"), rs.getString("body_sha256"),
				ImportState.valueOf(rs.getString("state")), rs.getLong("bytes_read"), rs.getLong("rows_read"),
				rs.getLong("reports_total"), rs.getLong("reports_filed"), rs.getLong("indicators_invalid"),
				rs.getLong("errors_total"), rs.getString("detail"), instant(rs, "created_at"),
				instant(rs, "finished_at"), rs.getString("file_name"));
	}
}
