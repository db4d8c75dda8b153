package org.tipx.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.protection.internal.KeysetCheck;
import org.tipx.protection.internal.Keyring;
import org.tipx.protection.internal.TinkFieldCipher;

/**
 * Secrets and personal data are sealed at rest: a dump of the table shows no plaintext, an administrator rotates the
 * field key while tipx runs and everything is re-sealed under the new key, and tipx refuses a keyset that is not its
 * database's.
 */
@TipxIntegrationTest
class FieldKeysIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	FieldCipher cipher;

	Fixtures fixtures;

	Api api;

	@BeforeEach
	void fixtures() {
		api = new Api(port);
		fixtures = new Fixtures(api);
	}

	@Test
	void aWebhookSecretIsSealedAtRestAndSurvivesARotationAndTheOldKeysRetirement() throws Exception {
		String organisation = fixtures.organisation("LAW_ENFORCEMENT", "PH");
		String orgAdmin = fixtures.tokenFor(fixtures.account(organisation, "ORG_ADMIN"));
		String secret = api.put(orgAdmin, "/api/v1/signals/webhook", Map.of("url", "https://example.org/hook"))
				.json().get("secret").asString();
		try {
			rotateAndRetire(organisation, secret);
		}
		finally {
			// an organisation with a webhook is alerted to every cross-border GREEN network other tests file, and a
			// receiver that does not exist would leave those deliveries failing for the rest of the run
			assertThat(api.delete(orgAdmin, "/api/v1/signals/webhook").status()).isEqualTo(204);
		}
	}

	private void rotateAndRetire(String organisation, String secret) throws Exception {
		String dump = dump("signals_webhook");
		assertThat(dump).contains("example.org").doesNotContain(secret).doesNotContain(secret.substring(6));

		var before = api.get(fixtures.admin, "/api/v1/admin/field-keys").json();
		int oldKey = before.get("primary").asInt();
		var rotated = api.post(fixtures.admin, "/api/v1/admin/field-keys/rotate", null);
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		int newKey = rotated.json().get("primary").asInt();
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(rotated.json().get("resealed").get("signals_webhook.secret").asInt()).isPositive();
		assertThat(rotated.json().get("unsealedValues").asInt()).isZero();

		var retired = api.delete(fixtures.admin, "/api/v1/admin/field-keys/" + oldKey);
		assertThat(retired.status()).as(retired.body()).isEqualTo(200);
		assertThat(retired.json().get("keys").valueStream().map(k -> k.get("id").asInt())).doesNotContain(oldKey);

		String stored = jdbc.sql("SELECT secret FROM signals_webhook WHERE organisation_id = ?")
				.param(UUID.fromString(organisation)).query(String.class).single();
		assertThat(cipher.open(stored, "signals_webhook.secret/" + organisation)).isEqualTo(secret);
		assertThat(dump("signals_webhook")).doesNotContain(secret);
	}

	@Test
	void onlyAnAdministratorManagesFieldKeysAndThePrimaryCannotBeRetired() {
		String orgAdmin = fixtures.tokenFor(fixtures.account(fixtures.organisation("LAW_ENFORCEMENT", "MY"), "ORG_ADMIN"));
		assertThat(api.get(orgAdmin, "/api/v1/admin/field-keys").status()).isEqualTo(403);
		assertThat(api.post(orgAdmin, "/api/v1/admin/field-keys/rotate", null).status()).isEqualTo(403);

		int primary = api.get(fixtures.admin, "/api/v1/admin/field-keys").json().get("primary").asInt();
		var refused = api.delete(fixtures.admin, "/api/v1/admin/field-keys/" + primary);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.isProblem()).isTrue();
		assertThat(api.delete(fixtures.admin, "/api/v1/admin/field-keys/12345").status())
				.isEqualTo(404);
	}

	@Test
	void aKeysetThatIsNotThisDatabasesIsRefused(@TempDir Path elsewhere) {
		FieldCipher foreign = new TinkFieldCipher(new Keyring(elsewhere.resolve("other.json"), true));

		assertThatThrownBy(() -> new KeysetCheck(jdbc, foreign).verify("other.json"))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("not this database's keyset");
		new KeysetCheck(jdbc, cipher).verify("the configured keyset");
	}

	/** The table as {@code COPY ... TO STDOUT} writes it: what a database dump would hold. */
	private String dump(String table) throws Exception {
		try (var connection = dataSource.getConnection()) {
			StringWriter out = new StringWriter();
			connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", out);
			return out.toString();
		}
	}
}
