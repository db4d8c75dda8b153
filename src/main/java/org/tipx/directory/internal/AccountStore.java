package org.tipx.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.directory.Role;

/**
 * The {@code directory_account} table. Rows are never deleted: accounts are deactivated.
 */
@Repository
public class AccountStore {

	private final JdbcClient jdbc;

	AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredAccount a) {
		jdbc.sql("""
				INSERT INTO directory_account (id, username, display_name, password_hash, organisation_id, roles,
				  active, must_change_password, failed_logins, created_at)
				VALUES (?,?,?,?,?,?,?,?,0,?)""")
				.params(a.id(), a.username(), a.displayName(), a.passwordHash(), a.organisationId(), roleArray(a.roles()),
						a.active(), a.mustChangePassword(), Times.utc(a.createdAt()))
				.update();
	}

	public Optional<StoredAccount> findByUsername(String username) {
		return jdbc.sql("SELECT * FROM directory_account WHERE lower(username) = lower(?)").param(username)
				.query(AccountStore::map).optional();
	}

	public Optional<StoredAccount> find(UUID id) {
		return jdbc.sql("SELECT * FROM directory_account WHERE id = ?").param(id).query(AccountStore::map).optional();
	}

	List<StoredAccount> all() {
		return jdbc.sql("SELECT * FROM directory_account ORDER BY lower(username)").query(AccountStore::map).list();
	}

	List<StoredAccount> ofOrganisation(UUID organisationId) {
		return jdbc.sql("SELECT * FROM directory_account WHERE organisation_id = ? ORDER BY lower(username)")
				.param(organisationId).query(AccountStore::map).list();
	}

	boolean usernameTaken(String username) {
		return findByUsername(username).isPresent();
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM directory_account").query(Long.class).single();
	}

	/**
	 * The person's own new password: the stamp moves on so that every other open session ends (someone who knew the
	 * old password is shut out); returns the new stamp for the session that made the change.
	 */
	long changePassword(UUID id, String hash) {
		return jdbc.sql("UPDATE directory_account SET password_hash = ?, must_change_password = FALSE,"
				+ " security_stamp = security_stamp + 1 WHERE id = ? RETURNING security_stamp").params(hash, id)
				.query(Long.class).single();
	}

	/** An administrator's reset: a temporary password to change at next login, and the open sessions end. */
	void resetPassword(UUID id, String hash) {
		jdbc.sql("UPDATE directory_account SET password_hash = ?, must_change_password = TRUE,"
				+ " security_stamp = security_stamp + 1 WHERE id = ?").params(hash, id).update();
	}

	void setRoles(UUID id, Set<Role> roles) {
		jdbc.sql("UPDATE directory_account SET roles = ? WHERE id = ?").params(roleArray(roles), id).update();
	}

	void deactivate(UUID id, Instant at, String reason) {
		// The stamp moves on so that open sessions end, even if the account is reactivated before their next request.
		jdbc.sql("UPDATE directory_account SET active = FALSE, deactivated_at = ?, deactivation_reason = ?,"
				+ " security_stamp = security_stamp + 1 WHERE id = ?").params(Times.utc(at), reason, id).update();
	}

	/** Deactivates every active account of the organisation, ending their sessions; returns their ids. */
	List<UUID> deactivateAllOf(UUID organisationId, Instant at, String reason) {
		return jdbc.sql("UPDATE directory_account SET active = FALSE, deactivated_at = ?, deactivation_reason = ?,"
				+ " security_stamp = security_stamp + 1 WHERE organisation_id = ? AND active RETURNING id")
				.params(Times.utc(at), reason, organisationId).query(UUID.class).list();
	}

	void reactivate(UUID id) {
		jdbc.sql("UPDATE directory_account SET active = TRUE, deactivated_at = NULL, deactivation_reason = NULL,"
				+ " failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
	}

	/**
	 * Counts a failed login atomically; at the limit the account locks and the counter starts again.
	 *
	 * @return the lock end if this failure locked the account
	 */
	Optional<Instant> recordFailure(UUID id, int maxFailures, Instant lockUntil) {
		return jdbc.sql("""
				UPDATE directory_account
				   SET failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
				       locked_until  = CASE WHEN failed_logins + 1 >= :max THEN :until ELSE locked_until END
				 WHERE id = :id
				RETURNING failed_logins = 0 AS locked_now""")
				.param("max", maxFailures).param("until", Times.utc(lockUntil)).param("id", id)
				.query((rs, n) -> rs.getBoolean(1)).optional()
				.filter(Boolean::booleanValue).map(locked -> lockUntil);
	}

	void recordSuccess(UUID id) {
		jdbc.sql("UPDATE directory_account SET failed_logins = 0, locked_until = NULL WHERE id = ?"
				+ " AND (failed_logins <> 0 OR locked_until IS NOT NULL)").param(id).update();
	}

	void unlock(UUID id) {
		jdbc.sql("UPDATE directory_account SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
	}

	private static String[] roleArray(Set<Role> roles) {
		return roles.stream().map(Enum::name).sorted().toArray(String[]::new);
	}

	private static StoredAccount map(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).forEach(roles::add);
		return new StoredAccount(rs.getObject("id", UUID.class), rs.getString("username"),
				rs.getString("display_name"), rs.getString("password_hash"), rs.getObject("organisation_id", UUID.class),
				roles, rs.getBoolean("active"), rs.getBoolean("must_change_password"), rs.getInt("failed_logins"),
				Times.instant(rs.getObject("locked_until", OffsetDateTime.class)),
				Times.instant(rs.getObject("created_at", OffsetDateTime.class)),
				Times.instant(rs.getObject("deactivated_at", OffsetDateTime.class)), rs.getString("deactivation_reason"),
				rs.getLong("security_stamp"));
	}
}
