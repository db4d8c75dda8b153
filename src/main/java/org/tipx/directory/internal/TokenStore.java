package org.tipx.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code directory_api_token} table, looked up by the SHA-256 of the presented secret.
 */
@Repository
public class TokenStore {

	private final JdbcClient jdbc;

	TokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredToken t, byte[] hash) {
		jdbc.sql("""
				INSERT INTO directory_api_token (id, token_hash, kind, account_id, organisation_id, name, scopes,
				  created_by, created_at, expires_at)
				VALUES (?,?,?,?,?,?,?,?,?,?)""")
				.params(t.id(), hash, t.kind().name(), t.accountId(), t.organisationId(), t.name(),
						t.scopes().stream().sorted().toArray(String[]::new), t.createdBy(), Times.utc(t.createdAt()),
						Times.utc(t.expiresAt()))
				.update();
	}

	Optional<StoredToken> findByHash(byte[] hash) {
		return jdbc.sql("SELECT * FROM directory_api_token WHERE token_hash = ?").param(hash)
				.query(TokenStore::map).optional();
	}

	public Optional<StoredToken> find(UUID id) {
		return jdbc.sql("SELECT * FROM directory_api_token WHERE id = ?").param(id).query(TokenStore::map).optional();
	}

	List<StoredToken> machineTokensOf(UUID organisationId) {
		return jdbc.sql("SELECT * FROM directory_api_token WHERE kind = 'MACHINE' AND organisation_id = ?"
				+ " ORDER BY created_at DESC").param(organisationId).query(TokenStore::map).list();
	}

	/** Marks the token used, at most once a minute, to keep the hot path cheap. */
	void touch(UUID id, Instant now) {
		jdbc.sql("UPDATE directory_api_token SET last_used_at = :now WHERE id = :id"
				+ " AND (last_used_at IS NULL OR last_used_at < :now - interval '1 minute')")
				.param("now", Times.utc(now)).param("id", id).update();
	}

	boolean revoke(UUID id, Instant at) {
		return jdbc.sql("UPDATE directory_api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
				.params(Times.utc(at), id).update() == 1;
	}

	/** Every unrevoked token of the organisation: its people's and its machines'. */
	int revokeAllOfOrganisation(UUID organisationId, Instant at) {
		return jdbc.sql("UPDATE directory_api_token SET revoked_at = ? WHERE organisation_id = ? AND revoked_at IS NULL")
				.params(Times.utc(at), organisationId).update();
	}

	int revokeAllOf(UUID accountId, Instant at) {
		return jdbc.sql("UPDATE directory_api_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
				.params(Times.utc(at), accountId).update();
	}

	private static StoredToken map(ResultSet rs, int row) throws SQLException {
		return new StoredToken(rs.getObject("id", UUID.class), StoredToken.Kind.valueOf(rs.getString("kind")),
				rs.getObject("account_id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getString("name"), Set.of((String[]) rs.getArray("scopes").getArray()),
				rs.getObject("created_by", UUID.class), Times.instant(rs.getObject("created_at", OffsetDateTime.class)),
				Times.instant(rs.getObject("expires_at", OffsetDateTime.class)),
				Times.instant(rs.getObject("revoked_at", OffsetDateTime.class)),
				Times.instant(rs.getObject("last_used_at", OffsetDateTime.class)));
	}
}
