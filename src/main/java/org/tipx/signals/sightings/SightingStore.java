package org.tipx.signals.sightings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.shared.Utc;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.internal.ReportStore;

/**
 * The sighting table, and the indicator ids callers address sightings by.
 */
@Repository
class SightingStore {

	private final JdbcClient jdbc;

	SightingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<IndicatorRef> indicator(UUID id) {
		return jdbc.sql("SELECT id, report_id, position, type, canonical, valid FROM signals_indicator WHERE id = ?")
				.param(id)
				.query((rs, n) -> new IndicatorRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
						IndicatorType.fromWire(rs.getString(4)).orElseThrow(), rs.getString(5), rs.getBoolean(6)))
				.optional();
	}

	/** The ids of a report's indicator rows, by position. */
	Map<Integer, UUID> indicatorIds(UUID reportId) {
		Map<Integer, UUID> ids = new HashMap<>();
		jdbc.sql("SELECT position, id FROM signals_indicator WHERE report_id = ?").param(reportId)
				.query(rs -> {
					ids.put(rs.getInt(1), rs.getObject(2, UUID.class));
				});
		return ids;
	}

	void insert(StoredSighting s) {
		jdbc.sql("""
				INSERT INTO signals_sighting (id, report_id, position, organisation_id, account_id, kind, observed_at,
				  note, created_at) VALUES (?,?,?,?,?,?,?,?,?)""")
				.params(s.id(), s.reportId(), s.position(), s.organisationId(), s.accountId(), s.kind().name(),
						Utc.at(s.observedAt()), s.note(), Utc.at(s.createdAt()))
				.update();
	}

	List<StoredSighting> ofIndicator(UUID reportId, int position) {
		return jdbc.sql("SELECT * FROM signals_sighting WHERE report_id = ? AND position = ?"
				+ " ORDER BY observed_at DESC, created_at DESC").params(reportId, position)
				.query(SightingStore::map).list();
	}

	List<StoredSighting> ofReport(UUID reportId) {
		return jdbc.sql("SELECT * FROM signals_sighting WHERE report_id = ? ORDER BY observed_at DESC, created_at DESC")
				.param(reportId).query(SightingStore::map).list();
	}

	/**
	 * Values that at least {@code threshold} distinct organisations judged a false positive on reports they did not
	 * file, with when the latest such vote was recorded and how many organisations voted.
	 */
	List<ReportStore.FlaggedValue> judgedFalsePositive(int threshold) {
		return jdbc.sql("""
				SELECT i.type, i.canonical, max(s.created_at) AS at, count(DISTINCT s.organisation_id) AS votes
				FROM signals_sighting s
				JOIN signals_indicator i ON i.report_id = s.report_id AND i.position = s.position
				JOIN signals_report r ON r.id = s.report_id
				WHERE s.kind = 'FALSE_POSITIVE' AND s.organisation_id <> r.organisation_id
				GROUP BY i.type, i.canonical
				HAVING count(DISTINCT s.organisation_id) >= ?
				ORDER BY at DESC""")
				.param(threshold)
				.query((rs, n) -> new ReportStore.FlaggedValue(rs.getString(1), rs.getString(2),
						rs.getObject(3, OffsetDateTime.class).toInstant(),
						FalsePositiveReview.REASON_PREFIX + rs.getInt(4) + " organisations"))
				.list();
	}

	private static StoredSighting map(ResultSet rs, int row) throws SQLException {
		return new StoredSighting(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
				rs.getInt("position"), rs.getObject("organisation_id", UUID.class),
				rs.getObject("account_id", UUID.class), SightingKind.valueOf(rs.getString("kind")),
				instant(rs, "observed_at"), rs.getString("note"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** An indicator row as sightings address it. */
	record IndicatorRef(UUID id, UUID reportId, int position, IndicatorType type, String canonical, boolean valid) {
	}
}
