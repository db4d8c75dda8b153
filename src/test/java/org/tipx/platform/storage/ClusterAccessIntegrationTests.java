package org.tipx.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.TipxIntegrationTest;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;

/**
 * The embedded cluster asks every connection for a password, and tipx serves requests as a role that may read and
 * write rows but can neither alter tables nor switch the audit trail's triggers off.
 */
@TipxIntegrationTest
class ClusterAccessIntegrationTests {

	@Autowired
	EmbeddedCluster cluster;

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditTrail audit;

	@TempDir
	Path data;

	@Test
	void tipxServesRequestsAsARoleThatCannotDisableTheAuditTriggersOrChangeAuditRows() {
		audit.recordFor("tester", AuditRecord.success("test.event", "thing", "access"));
		JdbcClient app = JdbcClient.create(dataSource);
		assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo(ClusterCredentials.APP);
		assertThat(app.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class)
				.single()).isFalse();
		assertThatThrownBy(() -> app.sql("ALTER TABLE audit_entry DISABLE TRIGGER ALL").update())
				.hasStackTraceContaining("must be owner");
		assertThatThrownBy(() -> app.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update())
				.hasStackTraceContaining("must be owner");
		assertThatThrownBy(() -> app.sql("DROP TRIGGER audit_entry_append_only ON audit_entry").update())
				.hasStackTraceContaining("must be owner");
		assertThatThrownBy(() -> app.sql("SET session_replication_role = replica").update())
				.hasStackTraceContaining("permission denied");
		assertThatThrownBy(() -> app.sql("UPDATE audit_entry SET actor = actor").update())
				.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> app.sql("DELETE FROM audit_entry").update()).hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> app.sql("TRUNCATE audit_entry").update()).hasStackTraceContaining("permission denied");
		assertThatThrownBy(() -> app.sql("CREATE TABLE planted (x int)").update())
				.hasStackTraceContaining("permission denied");
		assertThatThrownBy(() -> app.sql("DELETE FROM flyway_schema_history WHERE false").update())
				.as("the migration history is out of reach").hasStackTraceContaining("permission denied");
	}

	@Test
	void theAppRoleCanDoWhatTipxDoesAtRunTime() throws Exception {
		try (Connection connection = dataSource.getConnection(); var sql = connection.createStatement()) {
			sql.execute("CREATE TEMP TABLE staged (n int)");
			long copied = connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("COPY staged FROM STDIN", new StringReader("1\n2\n"));
			assertThat(copied).isEqualTo(2);
			sql.execute("SELECT pg_advisory_xact_lock(42)");
			sql.execute("SELECT count(*) FROM event_publication");
		}
	}

	@Test
	void everyConnectionNeedsThePassword() {
		for (String role : new String[] { ClusterCredentials.OWNER, ClusterCredentials.APP }) {
			assertThatThrownBy(() -> connect(role, null)).as(role + " without a password")
					.isInstanceOf(SQLException.class).hasMessageContaining("password");
			assertThatThrownBy(() -> connect(role, "not-the-password")).as(role + " with a wrong password")
					.hasMessageContaining("password authentication failed");
		}
	}

	@Test
	void thePasswordsAreKeptBesideTheDataReadableByTheirOwnerOnly() throws Exception {
		Path file = ClusterCredentials.fileFor(cluster.directory());
		assertThat(file.getParent()).isEqualTo(cluster.directory().getParent());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file)).contains("owner=" + cluster.credentials().ownerPassword())
				.contains("app=" + cluster.credentials().appPassword());
	}

	@Test
	void aClusterThatTrustedEveryLocalConnectionIsUpgradedOnStart() throws Exception {
		Path pgData = data.resolve("postgres");
		// as tipx left its cluster before passwords: the library's default, trust for everyone
		try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(pgData)
				.setCleanDataDirectory(false).setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60))
				.start(); Connection owner = legacy.getPostgresDatabase().getConnection();
				var sql = owner.createStatement()) {
			sql.execute("CREATE TABLE kept (note text)");
			sql.execute("INSERT INTO kept VALUES ('from before the upgrade')");
		}
		assertThat(ClusterCredentials.fileFor(pgData)).doesNotExist();

		try (EmbeddedCluster upgraded = EmbeddedCluster.start(pgData, false)) {
			assertThat(ClusterCredentials.fileFor(pgData)).exists();
			assertThat(ClusterAccess.refusesWithoutPassword(upgraded.jdbcUrl(), ClusterCredentials.OWNER)).isTrue();
			try (Connection app = DriverManager.getConnection(upgraded.jdbcUrl(), ClusterCredentials.APP,
					upgraded.credentials().appPassword()); var sql = app.createStatement();
					var rows = sql.executeQuery("SELECT note FROM kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("from before the upgrade");
				assertThatThrownBy(() -> sql.execute("ALTER TABLE kept DISABLE TRIGGER ALL"))
						.hasStackTraceContaining("must be owner");
			}
		}
		// and the next start finds everything in place
		try (EmbeddedCluster again = EmbeddedCluster.start(pgData, false); Connection owner = again.ownerConnection()) {
			assertThat(owner.isValid(5)).isTrue();
			assertThat(ClusterAccess.refusesWithoutPassword(again.jdbcUrl(), ClusterCredentials.OWNER)).isTrue();
		}
	}

	private Connection connect(String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(cluster.jdbcUrl(), properties);
	}
}
