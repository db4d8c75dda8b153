package org.tipx.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipx.Api;
import org.tipx.TipxIntegrationTest;

/**
 * With TIPX_DB_URL set, tipx uses that server (here a second embedded cluster standing in for a real one) and starts
 * no PostgreSQL of its own.
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
		registry.add("tipx.db.url", external::jdbcUrl);
		registry.add("tipx.db.user", () -> "postgres");
		registry.add("tipx.db.password", () -> "");
	}


	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void tipxStoresItsDataInTheExternalServerAndStartsNoneOfItsOwn() throws Exception {
		assertThat(context.getBeansOfType(EmbeddedCluster.class)).isEmpty();
		Api api = new Api(port);
		String admin = api.login("admin", TipxIntegrationTest.ADMIN_PASSWORD);
		var created = api.post(admin, "/api/v1/organisations",
				Map.of("name", "Stored externally", "type", "GOVERNMENT", "country", "ID"));
		assertThat(created.status()).isEqualTo(201);
		try (var connection = DriverManager.getConnection(external.jdbcUrl());
				var rows = connection.createStatement()
						.executeQuery("SELECT count(*) FROM directory_organisation WHERE name = 'Stored externally'")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1);
		}
	}
}
