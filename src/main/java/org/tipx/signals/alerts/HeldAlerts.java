package org.tipx.signals.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alerts held for organisations that asked for a daily digest, and the digests they were delivered in.
 */
@Repository
class HeldAlerts {

	private final JdbcClient jdbc;

	HeldAlerts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds an alert for the next digest; false if the organisation was already alerted about this report. */
	boolean hold(StoredAlert alert) {
		return jdbc.sql("""
				INSERT INTO signals_alert_held (id, organisation_id, report_id, payload, created_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (organisation_id, report_id) DO NOTHING""")
				.params(alert.id(), alert.organisationId(), alert.reportId(), AlertStore.payload(alert),
						utc(alert.createdAt()))
				.update() == 1;
	}

	/** Organisations with alerts held since their last digest, up to {@code until}. */
	List<UUID> waiting(Instant until) {
		return jdbc.sql("SELECT DISTINCT organisation_id FROM signals_alert_held WHERE digest_id IS NULL"
				+ " AND created_at <= ?").param(utc(until)).query(UUID.class).list();
	}

	/** Gathers the organisation's held alerts up to {@code at} into a new digest; returns how many it holds. */
	int gather(UUID digestId, UUID organisationId, Instant at) {
		jdbc.sql("INSERT INTO signals_alert_digest (id, organisation_id, day, created_at) VALUES (?, ?, ?, ?)")
				.params(digestId, organisationId, LocalDate.ofInstant(at, ZoneOffset.UTC), utc(at)).update();
		return jdbc.sql("UPDATE signals_alert_held SET digest_id = ? WHERE organisation_id = ? AND digest_id IS NULL"
				+ " AND created_at <= ?").params(digestId, organisationId, utc(at)).update();
	}

	/** The organisation's most recent digests, newest first. */
	List<Digest> digests(UUID organisationId, int limit) {
		return jdbc.sql("SELECT id, day, created_at FROM signals_alert_digest WHERE organisation_id = ?"
				+ " ORDER BY created_at DESC, id LIMIT ?").params(organisationId, limit)
				.query((rs, n) -> new Digest(rs.getObject("id", UUID.class), rs.getObject("day", LocalDate.class),
						rs.getObject("created_at", OffsetDateTime.class).toInstant()))
				.list();
	}

	/** The alerts a digest gathered, oldest first. */
	List<StoredAlert> inDigest(UUID digestId) {
		return jdbc.sql("SELECT * FROM signals_alert_held WHERE digest_id = ? ORDER BY created_at, id")
				.param(digestId)
				.query((rs, n) -> AlertStore.held(rs.getObject("id", UUID.class),
						rs.getObject("organisation_id", UUID.class), rs.getString("payload"),
						rs.getObject("created_at", OffsetDateTime.class).toInstant()))
				.list();
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	/** A delivered digest. */
	record Digest(UUID id, LocalDate day, Instant createdAt) {
	}
}
