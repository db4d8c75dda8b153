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
