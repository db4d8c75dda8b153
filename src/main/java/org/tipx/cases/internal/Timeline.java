package org.tipx.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipx.shared.Actor;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything that happened to a case, in the order it happened: written in the same transaction as the change it
 * records. Details hold codes and ids only, never a personal field or a free text a person wrote.
 */
@Component
public class Timeline {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	Timeline(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One entry: what happened ({@code referral.sent}, ...), who did it, and its coded detail. */
	public record Entry(UUID id, Instant at, String actor, UUID organisationId, String kind,
			Map<String, Object> detail) {
	}

	/** Appends an entry for the actor of the current change. */
	public void record(UUID caseId, Actor actor, String kind, Map<String, ?> detail) {
		record(caseId, actor.name(), actor.organisationId(), kind, detail);
	}

	/** Appends an entry for a named actor (tipx itself, when a case opens from a screening). */
	public void record(UUID caseId, String actorName, UUID organisationId, String kind, Map<String, ?> detail) {
		jdbc.sql("INSERT INTO cases_timeline (id, case_id, at, actor, organisation_id, kind, detail)"
				+ " VALUES (?,?,?,?,?,?,?::jsonb)")
				.params(UUID.randomUUID(), caseId, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
						actorName, organisationId, kind, JSON.writeValueAsString(detail))
				.update();
	}

	/** The case's entries, oldest first. The caller has checked that the reader may see them. */
	public List<Entry> of(UUID caseId) {
		return jdbc.sql("SELECT id, at, actor, organisation_id, kind, detail::text FROM cases_timeline"
				+ " WHERE case_id = ? ORDER BY at, id").param(caseId).query((rs, n) -> entry(rs)).list();
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		return new Entry(rs.getObject("id", UUID.class), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getObject("organisation_id", UUID.class), rs.getString("kind"),
				JSON.readValue(rs.getString("detail"), new TypeReference<Map<String, Object>>() {
				}));
	}
}
