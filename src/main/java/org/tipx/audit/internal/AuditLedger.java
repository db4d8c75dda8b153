package org.tipx.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.shared.Utc;

/**
 * The audit tables. Appends lock the chain head, so concurrent appends from any connection form one chain.
 */
@Repository
public class AuditLedger {

	private static final String COLUMNS = "seq, at, actor, actor_id, organisation_id, action, object_type, object_id, "
			+ "outcome, detail, prev_hash, hash";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JdbcTemplate batches;

	AuditLedger(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.clock = clock;
	}

	/**
	 * Appends entries in the order given, in one transaction of its own, each linked to the one before it, and
	 * returns them as stored: one lock of the head, one batch of inserts and one commit (one WAL flush) for all.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public List<AuditEntry> appendAll(List<AuditDraft> drafts) {
		Checkpoint.Mark head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
				.query((rs, n) -> new Checkpoint.Mark(rs.getLong(1), rs.getString(2))).single();
		List<AuditEntry> entries = new ArrayList<>(drafts.size());
		List<Object[]> rows = new ArrayList<>(drafts.size());
		long seq = head.length();
		String previous = head.head();
		Instant at = HashChain.storable(clock.instant());
		for (AuditDraft d : drafts) {
			seq++;
			String hash = HashChain.hash(seq, at, d.actor(), d.actorId(), d.organisationId(), d.action(),
					d.objectType(), d.objectId(), d.outcome(), d.detail(), previous);
			entries.add(new AuditEntry(seq, at, d.actor(), d.actorId(), d.organisationId(), d.action(), d.objectType(),
					d.objectId(), d.outcome(), d.detail(), previous, hash));
			rows.add(new Object[] { seq, utc(at), d.actor(), d.actorId(), d.organisationId(), d.action(),
					d.objectType(), d.objectId(), d.outcome(), d.detail(), previous, hash });
			previous = hash;
		}
		batches.batchUpdate("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows);
		jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(seq, previous).update();
		return entries;
	}

	/**
	 * Appends entries as {@link #appendAll} does, but in one statement and one round trip to the database, provided
	 * the head is still {@code expected} (the head this process last appended, {@link ChainAnchor}): the statement
	 * moves the head only if it is unchanged, and inserts the entries only if it moved it, so the chain is linked as
	 * under the head's lock. Empty, with nothing written, if the head is not {@code expected}; the caller then appends
	 * through {@link #appendAll}, which reads the head it finds (and the anchor reports what moved it).
	 * <p>
	 * The group commit's writer runs this once per group (ADR 0029): with {@link #appendAll} a group cost four round
	 * trips (lock the head, insert, move the head, commit), and every waiting lookup waited for them twice (the group
	 * being written, then its own). Outside any caller's transaction ({@code NOT_SUPPORTED}), so that an entry is
	 * committed on its own even when the caller's transaction rolls back.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<List<AuditEntry>> appendAfter(Checkpoint.Mark expected, List<AuditDraft> drafts) {
		int n = drafts.size();
		List<AuditEntry> entries = new ArrayList<>(n);
		String[][] columns = new String[12][n];
		long seq = expected.length();
		String previous = expected.head();
		Instant at = HashChain.storable(clock.instant());
		for (int i = 0; i < n; i++) {
			AuditDraft d = drafts.get(i);
			seq++;
			String hash = HashChain.hash(seq, at, d.actor(), d.actorId(), d.organisationId(), d.action(),
					d.objectType(), d.objectId(), d.outcome(), d.detail(), previous);
			entries.add(new AuditEntry(seq, at, d.actor(), d.actorId(), d.organisationId(), d.action(), d.objectType(),
					d.objectId(), d.outcome(), d.detail(), previous, hash));
			Object[] row = { seq, at, d.actor(), d.actorId(), d.organisationId(), d.action(), d.objectType(),
					d.objectId(), d.outcome(), d.detail(), previous, hash };
			for (int c = 0; c < row.length; c++) {
				columns[c][i] = row[c] == null ? null : row[c].toString();
			}
			previous = hash;
		}
		long last = seq;
		String head = previous;
		int inserted = batches.update(connection -> {
			var statement = connection.prepareStatement(APPEND_AFTER);
			statement.setLong(1, last);
			statement.setString(2, head);
			statement.setLong(3, expected.length());
			statement.setString(4, expected.head());
			for (int c = 0; c < columns.length; c++) {
				statement.setArray(5 + c, connection.createArrayOf("text", columns[c]));
			}
			return statement;
		});
		return inserted == n ? Optional.of(entries) : Optional.empty();
	}

	/**
	 * Moves the head if it is the expected one, and inserts the entries if (and only if) it moved it: the
	 * data-modifying CTE runs once, the insert reads its RETURNING. The arrays hold each column as text (one array type
	 * for all); {@code at} is an ISO instant with microseconds, as the hash read it.
	 */
	private static final String APPEND_AFTER = "WITH head AS (UPDATE audit_head SET seq = ?, hash = ?"
			+ " WHERE id = 1 AND seq = ? AND hash = ? RETURNING id)"
			+ " INSERT INTO audit_entry (" + COLUMNS + ")"
			+ " SELECT u.seq::bigint, u.at::timestamptz, u.actor, u.actor_id::uuid, u.organisation_id::uuid, u.action,"
			+ " u.object_type, u.object_id, u.outcome, u.detail, u.prev_hash, u.hash"
			+ " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
			+ " ?::text[], ?::text[], ?::text[], ?::text[]) AS u(" + COLUMNS + ")"
			+ " WHERE EXISTS (SELECT 1 FROM head)";

	/** Appends in a transaction of its own and returns the new entry. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public AuditEntry append(String actor, UUID actorId, UUID organisationId, String action, String objectType,
			String objectId, String outcome, String detail) {
		record Head(long seq, String hash) {
		}
		Head head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
				.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
		long seq = head.seq() + 1;
		Instant at = HashChain.storable(clock.instant());
		String hash = HashChain.hash(seq, at, actor, actorId, organisationId, action, objectType, objectId, outcome,
				detail, head.hash());
		jdbc.sql("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
				.params(seq, utc(at), actor, actorId, organisationId, action, objectType, objectId, outcome,
						detail, head.hash(), hash)
				.update();
		jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(seq, hash).update();
		return new AuditEntry(seq, at, actor, actorId, organisationId, action, objectType, objectId, outcome, detail,
				head.hash(), hash);
	}

	/** Streams every entry in sequence order without holding them all in memory. */
	@Transactional(readOnly = true)
	public void forEachInOrder(Consumer<AuditEntry> consumer) {
		jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq").withFetchSize(1000)
				.query((RowCallbackHandler) rs -> consumer.accept(map(rs)));
	}

	/** The head the next append will link to, as the {@code audit_head} row has it. */
	public Checkpoint.Mark head() {
		return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
				.query((rs, n) -> new Checkpoint.Mark(rs.getLong(1), rs.getString(2))).single();
	}

	/** The highest sequence number in the table, 0 if it is empty. */
	public long lastSeq() {
		return jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
	}

	public Optional<AuditEntry> find(long seq) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq = ?").param(seq)
				.query((rs, n) -> map(rs)).optional();
	}

	/** A page of entries, newest first, optionally filtered by action prefix and actor. */
	public List<AuditEntry> page(String actionPrefix, String actor, int limit, long beforeSeq) {
		return page(new AuditQuery(actionPrefix, actor, null, null, null), limit, beforeSeq);
	}

	/** A page of entries, newest first, that match the query. */
	public List<AuditEntry> page(AuditQuery query, int limit, long beforeSeq) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq < :before"
				+ " AND (CAST(:action AS text) IS NULL OR action LIKE :action || '%')"
				+ " AND (CAST(:actor AS text) IS NULL OR lower(actor) = lower(:actor))"
				+ " AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)"
				+ " AND (CAST(:to AS timestamptz) IS NULL OR at < :to)"
				+ " AND (CAST(:organisation AS uuid) IS NULL OR organisation_id = :organisation)"
				+ " ORDER BY seq DESC LIMIT :limit")
				.param("before", beforeSeq).param("action", blankToNull(query.actionPrefix()))
				.param("actor", blankToNull(query.actor()))
				.param("from", query.from() == null ? null : utc(query.from()))
				.param("to", query.until() == null ? null : utc(query.until()))
				.param("organisation", query.organisationId())
				.param("limit", limit)
				.query((rs, n) -> map(rs)).list();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static AuditEntry map(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getObject("actor_id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
				rs.getString("outcome"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return Utc.at(instant);
	}
}
