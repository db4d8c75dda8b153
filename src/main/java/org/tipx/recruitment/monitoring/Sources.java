package org.tipx.recruitment.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The organisations' sources and the outcome of their polls; removed sources are kept for their postings. */
@Repository
public class Sources {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, organisation_id, name, kind, location, field_mapping, interval_seconds,"
			+ " enabled, created_at, last_polled_at, last_success_at, last_new, last_error, last_error_at";

	private final JdbcClient jdbc;

	Sources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Source s, UUID createdBy) {
		jdbc.sql("INSERT INTO recruitment_source (id, organisation_id, name, kind, location, field_mapping,"
				+ " interval_seconds, enabled, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(s.id(), s.organisationId(), s.name(), s.kind().name(), s.location(), mapping(s.fieldMapping()),
						(int) s.interval().toSeconds(), s.enabled(), Timestamp.from(s.createdAt()), createdBy)
				.update();
	}

	void update(UUID id, SourceRules.Checked c) {
		jdbc.sql("UPDATE recruitment_source SET name = ?, kind = ?, location = ?, field_mapping = ?,"
				+ " interval_seconds = ?, enabled = ? WHERE id = ?")
				.params(c.name(), c.kind().name(), c.location(), mapping(c.fieldMapping()),
						(int) c.interval().toSeconds(), c.enabled(), id)
				.update();
	}

	void remove(UUID id, Instant at) {
		jdbc.sql("UPDATE recruitment_source SET removed_at = ?, enabled = false WHERE id = ?")
				.params(Timestamp.from(at), id).update();
	}

	/** A source of this organisation that was not removed. */
	public Optional<Source> find(UUID organisationId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM recruitment_source WHERE id = ? AND organisation_id = ?"
				+ " AND removed_at IS NULL").params(id, organisationId).query(Sources::source).optional();
	}

	Optional<Source> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM recruitment_source WHERE id = ? AND removed_at IS NULL")
				.param(id).query(Sources::source).optional();
	}

	public List<Source> ofOrganisation(UUID organisationId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM recruitment_source WHERE organisation_id = ?"
				+ " AND removed_at IS NULL ORDER BY name, id").param(organisationId).query(Sources::source).list();
	}

	/** Every enabled source whose interval has passed since its last poll, longest waiting first. */
	List<Source> due(Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM recruitment_source WHERE enabled AND removed_at IS NULL"
				+ " AND (last_polled_at IS NULL OR last_polled_at + interval_seconds * INTERVAL '1 second' <= ?)"
				+ " ORDER BY last_polled_at NULLS FIRST").param(Timestamp.from(now)).query(Sources::source).list();
	}

	void succeeded(UUID id, Instant at, int newPostings) {
		jdbc.sql("UPDATE recruitment_source SET last_polled_at = ?, last_success_at = ?, last_new = ?,"
				+ " last_error = NULL, last_error_at = NULL WHERE id = ?")
				.params(Timestamp.from(at), Timestamp.from(at), newPostings, id).update();
	}

	void failed(UUID id, Instant at, String error) {
		jdbc.sql("UPDATE recruitment_source SET last_polled_at = ?, last_error = ?, last_error_at = ? WHERE id = ?")
				.params(Timestamp.from(at), error, Timestamp.from(at), id).update();
	}

	private static String mapping(Map<String, String> mapping) {
		return mapping.isEmpty() ? null : JSON.writeValueAsString(mapping);
	}

	private static Source source(ResultSet rs, int row) throws SQLException {
		String mapping = rs.getString("field_mapping");
		return new Source(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getString("name"), SourceKind.valueOf(rs.getString("kind")), rs.getString("location"),
				mapping == null ? Map.of() : JSON.readValue(mapping, new TypeReference<Map<String, String>>() {
				}), Duration.ofSeconds(rs.getInt("interval_seconds")), rs.getBoolean("enabled"),
				instant(rs, "created_at"), instant(rs, "last_polled_at"), instant(rs, "last_success_at"),
				(Integer) rs.getObject("last_new"), rs.getString("last_error"), instant(rs, "last_error_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
