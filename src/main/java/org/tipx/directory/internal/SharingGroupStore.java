package org.tipx.directory.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code directory_sharing_group} tables.
 */
@Repository
public class SharingGroupStore {

	private final JdbcClient jdbc;

	SharingGroupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SharingGroup group) {
		jdbc.sql("INSERT INTO directory_sharing_group (id, name, description, created_by, created_at) VALUES (?,?,?,?,?)")
				.params(group.id(), group.name(), group.description(), group.createdBy(), Times.utc(group.createdAt()))
				.update();
		setMembers(group.id(), group.members());
	}

	void setMembers(UUID groupId, Set<UUID> members) {
		jdbc.sql("DELETE FROM directory_sharing_group_member WHERE group_id = ?").param(groupId).update();
		for (UUID member : members) {
			jdbc.sql("INSERT INTO directory_sharing_group_member (group_id, organisation_id) VALUES (?,?)")
					.params(groupId, member).update();
		}
	}

	public Optional<SharingGroup> find(UUID id) {
		return jdbc.sql("SELECT * FROM directory_sharing_group WHERE id = ?").param(id)
				.query((rs, n) -> new SharingGroup(rs.getObject("id", UUID.class), rs.getString("name"),
						rs.getString("description"), rs.getObject("created_by", UUID.class),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(), Set.of()))
				.optional().map(g -> g.withMembers(members(g.id())));
	}

	public Set<UUID> members(UUID groupId) {
		return new LinkedHashSet<>(jdbc.sql("SELECT organisation_id FROM directory_sharing_group_member"
				+ " WHERE group_id = ? ORDER BY organisation_id").param(groupId).query(UUID.class).list());
	}

	List<UUID> all() {
		return jdbc.sql("SELECT id FROM directory_sharing_group ORDER BY lower(name)").query(UUID.class).list();
	}

	List<UUID> containing(UUID organisationId) {
		return jdbc.sql("SELECT g.id FROM directory_sharing_group g JOIN directory_sharing_group_member m"
				+ " ON m.group_id = g.id WHERE m.organisation_id = ? ORDER BY lower(g.name)").param(organisationId)
				.query(UUID.class).list();
	}

	/** The groups holding the organisation, id to name, ordered by name. */
	java.util.Map<UUID, String> namesContaining(UUID organisationId) {
		java.util.Map<UUID, String> names = new java.util.LinkedHashMap<>();
		jdbc.sql("SELECT g.id, g.name FROM directory_sharing_group g JOIN directory_sharing_group_member m"
				+ " ON m.group_id = g.id WHERE m.organisation_id = ? ORDER BY lower(g.name), g.id").param(organisationId)
				.query(rs -> {
					names.put(rs.getObject(1, UUID.class), rs.getString(2));
				});
		return names;
	}

	boolean nameTaken(String name) {
		return jdbc.sql("SELECT count(*) FROM directory_sharing_group WHERE lower(name) = lower(?)").param(name)
				.query(Long.class).single() > 0;
	}

	/** A named set of organisations that reports can be shared with. */
	public record SharingGroup(UUID id, String name, String description, UUID createdBy, Instant createdAt,
			Set<UUID> members) {

		SharingGroup withMembers(Set<UUID> newMembers) {
			return new SharingGroup(id, name, description, createdBy, createdAt, newMembers);
		}
	}
}
