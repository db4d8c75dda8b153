package org.tipx.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipx.Api;
import org.tipx.TipxIntegrationTest;

/**
 * With TIPX_DB_URL set, tipx uses that server (here a second embedded cluster standing in for a real one) and starts
 * no PostgreSQL of its own; with TIPX_DB_MIGRATION_USER set, the migrations run as that user and requests as
 * TIPX_DB_USER. (CI also runs most integration tests against Debian's PostgreSQL server: the external-db profile.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class ExternalDatabaseIntegrationTests {

	private static EmbeddedCluster external;

	@DynamicPropertySource
	static void externalServer(DynamicPropertyRegistry registry) throws IOException {
		external = EmbeddedCluster.startThrowaway();
		// The application (closed after this class by @DirtiesContext) must stop before the server it uses.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				external.close();
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}));
		// as an operator would set it up: the schema's owner runs the migrations, a role without rights to alter
		// anything serves requests
		registry.add("tipx.db.url", external::jdbcUrl);
		registry.add("tipx.db.user", () -> ClusterCredentials.APP);
		registry.add("tipx.db.password", () -> external.credentials().appPassword());
		registry.add("tipx.db.migration-user", () -> ClusterCredentials.OWNER);
		registry.add("tipx.db.migration-password", () -> external.credentials().ownerPassword());
	}


	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void tipxMigratesAsTheMigrationUserAndServesRequestsAsTheApplicationUser() {
		JdbcClient app = JdbcClient.create(dataSource);
		assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo(ClusterCredentials.APP);
		assertThat(app.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'").query(String.class)
				.single()).isEqualTo(ClusterCredentials.OWNER);
		assertThatThrownBy(() -> app.sql("ALTER TABLE audit_entry DISABLE TRIGGER ALL").update())
				.hasStackTraceContaining("must be owner");
	}

	@Test
	void tipxStoresItsDataInTheExternalServerAndStartsNoneOfItsOwn() throws Exception {
		assertThat(context.getBeansOfType(EmbeddedCluster.class)).isEmpty();
		Api api = new Api(port);
		String admin = api.login("admin", TipxIntegrationTest.ADMIN_PASSWORD);
		var created = api.post(admin, "/api/v1/organisations",
				Map.of("name", "Stored externally", "type", "GOVERNMENT", "country", "ID"));
		assertThat(created.status()).isEqualTo(201);
		try (var connection = external.ownerConnection();
				var rows = connection.createStatement()
						.executeQuery("SELECT count(*) FROM directory_organisation WHERE name = 'Stored externally'")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1);
		}
	}
}
