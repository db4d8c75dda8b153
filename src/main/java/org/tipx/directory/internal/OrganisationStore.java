package org.tipx.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.OrganisationType;
import org.tipx.shared.CountryCode;

/**
 * The {@code directory_organisation} table.
 */
@Repository
public class OrganisationStore {

	private final JdbcClient jdbc;

	OrganisationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Organisation organisation) {
		jdbc.sql("INSERT INTO directory_organisation (id, name, type, country, created_at) VALUES (?,?,?,?,?)")
				.params(organisation.id().value(), organisation.name(), organisation.type().name(),
						organisation.country().value(), Times.utc(organisation.createdAt()))
				.update();
	}

	public List<Organisation> all() {
		return jdbc.sql("SELECT * FROM directory_organisation ORDER BY lower(name)").query(OrganisationStore::map).list();
	}

	public Optional<Organisation> find(OrganisationId id) {
		return jdbc.sql("SELECT * FROM directory_organisation WHERE id = ?").param(id.value())
				.query(OrganisationStore::map).optional();
	}

	/** Name, type and country as corrected by an administrator. */
	void update(Organisation organisation) {
		jdbc.sql("UPDATE directory_organisation SET name = ?, type = ?, country = ? WHERE id = ?")
				.params(organisation.name(), organisation.type().name(), organisation.country().value(),
						organisation.id().value())
				.update();
	}

	/** Whether the organisation is active, and if not since when and why; empty if there is none. */
	public Optional<Standing> standing(OrganisationId id) {
		return jdbc.sql("SELECT active, deactivated_at, deactivation_reason FROM directory_organisation WHERE id = ?")
				.param(id.value())
				.query((rs, n) -> new Standing(rs.getBoolean(1),
						Times.instant(rs.getObject(2, OffsetDateTime.class)), rs.getString(3)))
				.optional();
	}

	/**
	 * An organisation's standing in the exchange.
	 *
	 * @param deactivatedAt when it was deactivated, null while active
	 * @param reason why, as the administrator wrote it; null while active
	 */
	public record Standing(boolean active, java.time.Instant deactivatedAt, String reason) {
	}

	java.util.Set<UUID> inactive() {
		return new java.util.HashSet<>(jdbc.sql("SELECT id FROM directory_organisation WHERE NOT active")
				.query(UUID.class).list());
	}

	void deactivate(OrganisationId id, java.time.Instant at, String reason) {
		jdbc.sql("UPDATE directory_organisation SET active = FALSE, deactivated_at = ?, deactivation_reason = ?"
				+ " WHERE id = ?").params(Times.utc(at), reason, id.value()).update();
	}

	void reactivate(OrganisationId id) {
		jdbc.sql("UPDATE directory_organisation SET active = TRUE, deactivated_at = NULL, deactivation_reason = NULL"
				+ " WHERE id = ?").param(id.value()).update();
	}

	boolean nameTakenByAnother(String name, OrganisationId id) {
		return jdbc.sql("SELECT count(*) FROM directory_organisation WHERE lower(name) = lower(?) AND id <> ?")
				.params(name, id.value()).query(Long.class).single() > 0;
	}

	boolean nameTaken(String name) {
		return jdbc.sql("SELECT count(*) FROM directory_organisation WHERE lower(name) = lower(?)").param(name)
				.query(Long.class).single() > 0;
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM directory_organisation").query(Long.class).single();
	}

	private static Organisation map(ResultSet rs, int row) throws SQLException {
		return new Organisation(new OrganisationId(rs.getObject("id", UUID.class)), rs.getString("name"),
				OrganisationType.valueOf(rs.getString("type")), new CountryCode(rs.getString("country")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}
}
