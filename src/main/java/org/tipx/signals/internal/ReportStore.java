package org.tipx.signals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.shared.Tlp;
import org.tipx.shared.Utc;
import org.tipx.signals.Category;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.correlation.VisibleNetworks;

/**
 * The report, indicator and network tables.
 */
@Repository
public class ReportStore {

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(StoredReport r, List<StoredIndicator> indicators) {
		jdbc.sql("""
				INSERT INTO signals_report (id, organisation_id, created_by, title, description, reporter_country,
				  observed_at, category, tlp, sharing_group_id, recipients, confidence, created_at, expires_at, network_id)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
				.params(r.id(), r.organisationId(), r.createdBy(), r.title(), r.description(), r.reporterCountry(),
						utc(r.observedAt()), r.category().name(), r.tlp().name(), r.sharingGroupId(),
						r.recipients().toArray(UUID[]::new), r.confidence(), utc(r.createdAt()), utc(r.expiresAt()),
						r.networkId())
				.update();
		for (StoredIndicator i : indicators) {
			jdbc.sql("""
					INSERT INTO signals_indicator (report_id, position, derived_from, type, raw_value, platform, chain,
					  canonical, valid, reason) VALUES (?,?,?,?,?,?,?,?,?,?)""")
					.params(i.reportId(), i.position(), i.derivedFrom(), i.type().wire(), i.rawValue(), i.platform(),
							i.chain(), i.canonical(), i.valid(), i.reason())
					.update();
			if (i.valid()) {
				jdbc.sql("""
						INSERT INTO signals_value (type, canonical, first_seen, last_seen) VALUES (?,?,?,?)
						ON CONFLICT (type, canonical) DO UPDATE
						  SET first_seen = least(signals_value.first_seen, excluded.first_seen),
						      last_seen = greatest(signals_value.last_seen, excluded.last_seen)""")
						.params(i.type().wire(), i.canonical(), utc(r.observedAt()), utc(r.observedAt())).update();
			}
		}
	}

	public UUID newNetwork(Instant createdAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO signals_network (id, created_at) VALUES (?,?)").params(id, utc(createdAt)).update();
		return id;
	}

	public Instant networkCreatedAt(UUID networkId) {
		return jdbc.sql("SELECT created_at FROM signals_network WHERE id = ?").param(networkId)
				.query(OffsetDateTime.class).single().toInstant();
	}

	public void moveToNetwork(Collection<UUID> reportIds, UUID networkId) {
		if (!reportIds.isEmpty()) {
			jdbc.sql("UPDATE signals_report SET network_id = ? WHERE id = ANY(?)")
					.params(networkId, reportIds.toArray(UUID[]::new)).update();
		}
	}

	public void mergeNetworks(Collection<UUID> from, UUID into) {
		jdbc.sql("UPDATE signals_report SET network_id = ? WHERE network_id = ANY(?)")
				.params(into, from.toArray(UUID[]::new)).update();
	}

	public Optional<StoredReport> find(UUID id) {
		return jdbc.sql("SELECT * FROM signals_report WHERE id = ?").param(id).query(ReportStore::map).optional();
	}

	List<StoredReport> findAll(Collection<UUID> ids) {
		return jdbc.sql("SELECT * FROM signals_report WHERE id = ANY(?)").param(ids.toArray(UUID[]::new))
				.query(ReportStore::map).list();
	}

	/**
	 * An organisation's reports, newest first: all of them, or those whose title or a canonical value contains
	 * {@code search}, or that hold one of the canonical values {@code exact} (compared without case).
	 */
	public List<StoredReport> ofOrganisation(UUID organisationId, String search, List<String> exact, int limit) {
		String pattern = search == null || search.isBlank() ? null : "%" + search.strip().toLowerCase() + "%";
		String[] values = exact.stream().map(String::toLowerCase).distinct().toArray(String[]::new);
		return jdbc.sql("SELECT * FROM signals_report WHERE organisation_id = :org"
				+ " AND (CAST(:q AS text) IS NULL OR lower(title) LIKE :q OR EXISTS (SELECT 1 FROM signals_indicator i"
				+ "   WHERE i.report_id = signals_report.id AND (lower(i.canonical) LIKE :q"
				+ "     OR lower(i.canonical) = ANY(:exact))))"
				+ " ORDER BY created_at DESC LIMIT :limit")
				.param("org", organisationId).param("q", pattern).param("exact", values).param("limit", limit)
				.query(ReportStore::map).list();
	}

	/** The organisation's reports filed by one of its imports, newest first (then by title). */
	public List<StoredReport> ofImport(UUID organisationId, UUID importId, int limit) {
		return jdbc.sql("SELECT * FROM signals_report WHERE organisation_id = ? AND import_id = ?"
				+ " ORDER BY created_at DESC, title, id LIMIT ?")
				.params(organisationId, importId, limit).query(ReportStore::map).list();
	}

	public List<StoredReport> inNetwork(UUID networkId) {
		return jdbc.sql("SELECT * FROM signals_report WHERE network_id = ?").param(networkId)
				.query(ReportStore::map).list();
	}

	public List<StoredIndicator> indicators(UUID reportId) {
		return jdbc.sql("SELECT * FROM signals_indicator WHERE report_id = ? ORDER BY position").param(reportId)
				.query(ReportStore::mapIndicator).list();
	}

	public List<StoredIndicator> indicatorsOf(Collection<UUID> reportIds) {
		return jdbc.sql("SELECT * FROM signals_indicator WHERE report_id = ANY(?) ORDER BY report_id, position")
				.param(reportIds.toArray(UUID[]::new)).query(ReportStore::mapIndicator).list();
	}

	/** Reports holding a valid value, whatever their state; callers filter by activity and visibility. */
	public List<StoredReport> holding(ValueKey key) {
		return jdbc.sql("SELECT r.* FROM signals_report r WHERE r.id IN (SELECT report_id FROM signals_indicator"
				+ " WHERE type = ? AND canonical = ? AND valid)")
				.params(key.type().wire(), key.canonical()).query(ReportStore::map).list();
	}

	/**
	 * The reports of an import that sit in a network holding active reports from more than one country, or a value
	 * the automatic cap flagged (which may still link for some organisations, see {@link VisibleNetworks}), in the
	 * order they were filed. Also the reports filed one by one while the import was written (after its first
	 * report, by anyone else) that are now in such a network: they were linked to the import's reports only when the
	 * import committed, so their alerts are judged again with those reports before them, as if filed after the import
	 * (ADR 0021).
	 */
	public List<UUID> importedInMixedNetworks(UUID importId) {
		return jdbc.sql("""
				WITH touched AS (SELECT DISTINCT network_id FROM signals_report WHERE import_id = :import),
				started AS (SELECT min(created_at) AS at FROM signals_report WHERE import_id = :import),
				mixed AS (SELECT m.network_id FROM signals_report m JOIN touched t ON t.network_id = m.network_id
				  WHERE m.retracted_at IS NULL GROUP BY m.network_id HAVING count(DISTINCT m.reporter_country) > 1),
				flagged AS (SELECT type, canonical FROM signals_value WHERE flagged_at IS NOT NULL),
				capped AS (SELECT DISTINCT m.network_id FROM flagged f
				  JOIN signals_indicator i ON i.type = f.type AND i.canonical = f.canonical AND i.valid
				  JOIN signals_report m ON m.id = i.report_id JOIN touched t ON t.network_id = m.network_id
				  WHERE m.retracted_at IS NULL)
				SELECT r.id FROM signals_report r
				WHERE (r.import_id = :import
				    OR (r.import_id IS DISTINCT FROM :import AND r.created_at > (SELECT at FROM started)))
				  AND r.network_id IN (SELECT network_id FROM mixed UNION SELECT network_id FROM capped)
				ORDER BY r.created_at, r.id""")
				.param("import", importId).query(UUID.class).list();
	}

	public void retract(UUID id, Instant at, String reason) {
		jdbc.sql("UPDATE signals_report SET retracted_at = ?, retraction_reason = ? WHERE id = ?")
				.params(utc(at), reason, id).update();
	}

	public void setExpiry(UUID id, Instant expiresAt) {
		jdbc.sql("UPDATE signals_report SET expires_at = ?, expiry_swept = FALSE WHERE id = ?")
				.params(utc(expiresAt), id).update();
	}

	public List<StoredReport> expiredUnswept(Instant now) {
		return jdbc.sql("SELECT * FROM signals_report WHERE expires_at <= ? AND NOT expiry_swept AND retracted_at IS NULL")
				.param(utc(now)).query(ReportStore::map).list();
	}

	public void markSwept(UUID id) {
		jdbc.sql("UPDATE signals_report SET expiry_swept = TRUE WHERE id = ?").param(id).update();
	}

	boolean flagged(ValueKey key) {
		return jdbc.sql("SELECT count(*) FROM signals_value WHERE type = ? AND canonical = ? AND flagged_at IS NOT NULL")
				.params(key.type().wire(), key.canonical()).query(Long.class).single() > 0;
	}

	public void flag(ValueKey key, Instant at, String reason) {
		jdbc.sql("UPDATE signals_value SET flagged_at = ?, flag_reason = ? WHERE type = ? AND canonical = ?")
				.params(utc(at), reason, key.type().wire(), key.canonical()).update();
	}

	public List<FlaggedValue> flaggedValues() {
		return jdbc.sql("SELECT type, canonical, flagged_at, flag_reason FROM signals_value WHERE flagged_at IS NOT NULL"
				+ " ORDER BY flagged_at DESC")
				.query((rs, n) -> new FlaggedValue(rs.getString(1), rs.getString(2),
						rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
				.list();
	}

	/** A value the automatic cap stopped from linking, for an administrator to review. */
	public record FlaggedValue(String type, String canonical, Instant flaggedAt, String reason) {
	}

	/** Which reports a shelf holds: one organisation's, those addressed to one sharing group, or the TLP GREEN and CLEAR ones. */
	public enum Shelf {
		ORGANISATION("organisation_id = :shelf"), SHARING_GROUP("sharing_group_id = :shelf"),
		COMMUNITY("tlp IN ('GREEN', 'CLEAR') AND CAST(:shelf AS uuid) IS NULL");

		private final String where;

		Shelf(String where) {
			this.where = where;
		}
	}

	/**
	 * Reports of a shelf filed after a position, oldest first: created after {@code afterTime}, or at it with a
	 * greater id (or the same, when {@code inclusive}). Visibility is the caller's to check; the shelf only narrows the read.
	 *
	 * @param shelfId the organisation or sharing group; null for the community shelf
	 */
	public List<StoredReport> onShelf(Shelf shelf, UUID shelfId, Instant afterTime, UUID afterId, boolean inclusive,
			int limit) {
		return jdbc.sql("SELECT * FROM signals_report WHERE " + shelf.where + " AND (created_at, id) "
				+ (inclusive ? ">=" : ">") + " (:after, :afterId) ORDER BY created_at, id LIMIT :limit")
				.param("shelf", shelfId).param("after", utc(afterTime)).param("afterId", afterId)
				.param("limit", limit).query(ReportStore::map).list();
	}

	public static OffsetDateTime utc(Instant instant) {
		return Utc.at(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static StoredReport map(ResultSet rs, int row) throws SQLException {
		int stored = rs.getInt("confidence");
		Integer confidence = rs.wasNull() ? null : stored;
		return new StoredReport(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getObject("created_by", UUID.class), rs.getString("title"), rs.getString("description"),
				rs.getString("reporter_country"), instant(rs, "observed_at"), Category.valueOf(rs.getString("category")),
				Tlp.valueOf(rs.getString("tlp")), rs.getObject("sharing_group_id", UUID.class),
				new LinkedHashSet<>(Arrays.asList((UUID[]) rs.getArray("recipients").getArray())),
				confidence, instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "retracted_at"), rs.getString("retraction_reason"), rs.getObject("network_id", UUID.class));
	}

	private static StoredIndicator mapIndicator(ResultSet rs, int row) throws SQLException {
		int derivedFrom = rs.getInt("derived_from");
		Integer derived = rs.wasNull() ? null : derivedFrom;
		return new StoredIndicator(rs.getObject("report_id", UUID.class), rs.getInt("position"), derived,
				IndicatorType.fromWire(rs.getString("type")).orElseThrow(), rs.getString("raw_value"),
				rs.getString("platform"), rs.getString("chain"), rs.getString("canonical"), rs.getBoolean("valid"),
				rs.getString("reason"));
	}
}
