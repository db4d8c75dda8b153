package org.tipx.directory.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipx.shared.DirectoryNames;

/**
 * The directory's answer to {@link DirectoryNames}: one query each, whatever the number of ids.
 */
@Component
class NameBook implements DirectoryNames {

	private final JdbcClient jdbc;

	NameBook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, String> organisationNames() {
		return jdbc.sql("SELECT id, name FROM directory_organisation")
				.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@Override
	public Map<UUID, String> usernames(Collection<UUID> accounts) {
		if (accounts.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT id, username FROM directory_account WHERE id = ANY(?)")
				.param(accounts.toArray(UUID[]::new))
				.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
