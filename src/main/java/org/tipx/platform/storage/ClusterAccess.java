package org.tipx.platform.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Who may connect to the embedded cluster, and as what. Every connection needs a password (SCRAM-SHA-256, nothing
 * is trusted, see {@link #HBA}); tipx serves requests as {@link ClusterCredentials#APP}, which may read and write rows
 * but owns nothing, so it can neither alter tables nor disable the audit triggers. Applied on every start, so a data
 * directory from a release that trusted local connections is upgraded in place.
 */
final class ClusterAccess {

	/** The whole of the cluster's {@code pg_hba.conf}. */
	static final String HBA = """
			# Written by tipx on every start: every connection needs a password; nothing is trusted.
			# TYPE  DATABASE     USER  ADDRESS        METHOD
			local   all          all                  scram-sha-256
			host    all          all   127.0.0.1/32   scram-sha-256
			host    all          all   ::1/128        scram-sha-256
			local   replication  all                  scram-sha-256
			host    replication  all   127.0.0.1/32   scram-sha-256
			host    replication  all   ::1/128        scram-sha-256
			""";

	private ClusterAccess() {
	}

	/** Whether {@code pgData}'s {@code pg_hba.conf} is tipx's own (asks everyone for a password). */
	static boolean hbaInPlace(Path pgData) throws IOException {
		Path hba = pgData.resolve("pg_hba.conf");
		return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA);
	}

	static void writeHba(Path pgData) throws IOException {
		ClusterCredentials.writeOwnerOnly(pgData.resolve("pg_hba.conf"), HBA);
	}

	/**
	 * Sets both roles' passwords and makes sure {@link ClusterCredentials#APP} exists with exactly the rights tipx
	 * needs: rows of every table in {@code public} (now and those later migrations create, through default
	 * privileges), temporary tables, and nothing of the migration history. Idempotent.
	 */
	static void grant(Connection owner, ClusterCredentials credentials) throws SQLException {
		String app = ClusterCredentials.APP;
		try (Statement sql = owner.createStatement()) {
			sql.execute("""
					DO $$ BEGIN
					  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s; END IF;
					END $$""".formatted(app, app));
			sql.execute(("ALTER ROLE %s WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
					+ " PASSWORD '%s'").formatted(app, credentials.appPassword()));
			sql.execute("ALTER ROLE %s WITH PASSWORD '%s'".formatted(ClusterCredentials.OWNER,
					credentials.ownerPassword()));
			// PostgreSQL 15 and later no longer let everyone create in public; said again for clusters upgraded
			// from an older major version.
			sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
			sql.execute("GRANT CONNECT, TEMPORARY ON DATABASE postgres TO " + app);
			sql.execute("GRANT USAGE ON SCHEMA public TO " + app);
			sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + app);
			sql.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + app);
			sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE"
					.formatted(ClusterCredentials.OWNER) + " ON TABLES TO " + app);
			sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA public GRANT USAGE, SELECT, UPDATE"
					.formatted(ClusterCredentials.OWNER) + " ON SEQUENCES TO " + app);
			// Flyway creates its history after these defaults: taken away again on every start once it exists.
			sql.execute("""
					DO $$ BEGIN
					  IF to_regclass('public.flyway_schema_history') IS NOT NULL THEN
					    REVOKE ALL ON TABLE public.flyway_schema_history FROM %s;
					  END IF;
					END $$""".formatted(app));
		}
	}

	/** Whether the server now refuses {@code user} without a password (a configuration reload is asynchronous). */
	static boolean refusesWithoutPassword(String jdbcUrl, String user) {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		try (Connection ignored = DriverManager.getConnection(jdbcUrl, properties)) {
			return false;
		}
		catch (SQLException e) {
			return true;
		}
	}
}
