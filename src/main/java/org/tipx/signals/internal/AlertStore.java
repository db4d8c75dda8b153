package org.tipx.signals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.signals.IndicatorType;

/**
 * The alert tables.
 */
@Repository
class AlertStore {

	private final JdbcClient jdbc;

	AlertStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new alert; false if the organisation was already alerted about this report. */
	boolean insert(StoredAlert alert) {
		int inserted = jdbc.sql("""
				INSERT INTO signals_alert (id, organisation_id, report_id, network_id, linked_reports, countries, state,
				  created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (organisation_id, report_id) DO NOTHING""")
				.params(alert.id(), alert.organisationId(), alert.reportId(), alert.networkId(),
						alert.linkedReports().toArray(UUID[]::new), alert.countries().toArray(String[]::new),
						alert.state().name(), ReportStore.utc(alert.createdAt()), ReportStore.utc(alert.updatedAt()))
				.update();
		if (inserted == 0) {
			return false;
		}
		for (ValueKey value : alert.values()) {
			jdbc.sql("INSERT INTO signals_alert_value (alert_id, type, canonical) VALUES (?,?,?)")
					.params(alert.id(), value.type().wire(), value.canonical()).update();
		}
		return true;
	}

	Optional<StoredAlert> find(UUID id) {
		return jdbc.sql("SELECT * FROM signals_alert WHERE id = ?").param(id).query(this::map).optional()
				.map(this::withValues);
	}

	List<StoredAlert> ofOrganisation(UUID organisationId, AlertState state, int limit) {
		return jdbc.sql("""
				SELECT * FROM signals_alert WHERE organisation_id = :org AND (CAST(:state AS TEXT) IS NULL OR state = :state)
				ORDER BY created_at DESC, id LIMIT :limit""")
				.param("org", organisationId).param("state", state == null ? null : state.name()).param("limit", limit)
				.query(this::map).list().stream().map(this::withValues).toList();
	}

	void triage(UUID id, AlertState state, String note, UUID by, Instant at) {
		jdbc.sql("UPDATE signals_alert SET state = ?, note = ?, updated_by = ?, updated_at = ? WHERE id = ?")
				.params(state.name(), note, by, ReportStore.utc(at), id).update();
	}

	private StoredAlert withValues(StoredAlert alert) {
		List<ValueKey> values = jdbc.sql("SELECT type, canonical FROM signals_alert_value WHERE alert_id = ? ORDER BY type, canonical")
				.param(alert.id())
				.query((rs, n) -> new ValueKey(IndicatorType.fromWire(rs.getString(1)).orElseThrow(), rs.getString(2)))
				.list();
		return new StoredAlert(alert.id(), alert.organisationId(), alert.reportId(), alert.networkId(),
				alert.linkedReports(), alert.countries(), values, alert.state(), alert.note(), alert.createdAt(),
				alert.updatedAt());
	}

	private StoredAlert map(ResultSet rs, int row) throws SQLException {
		return new StoredAlert(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getObject("report_id", UUID.class), rs.getObject("network_id", UUID.class),
				Arrays.asList((UUID[]) rs.getArray("linked_reports").getArray()),
				Arrays.asList((String[]) rs.getArray("countries").getArray()), List.of(),
				AlertState.valueOf(rs.getString("state")), rs.getString("note"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}
}
