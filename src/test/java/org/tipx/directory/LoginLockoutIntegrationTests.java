package org.tipx.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * Five consecutive wrong passwords lock an account for fifteen minutes; the lockout is audited and visible to
 * administrators, who can lift it.
 */
@TipxIntegrationTest
class LoginLockoutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Fixtures fixtures;

	String username;

	String accountId;

	@BeforeEach
	void anAccount() {
		api = new Api(port);
		fixtures = new Fixtures(api);
		username = fixtures.account(fixtures.organisation("BORDER_IMMIGRATION", "TH"), "SCREENER");
		accountId = fixtures.accountId(username);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() {
		for (int i = 1; i <= 4; i++) {
			var reply = attempt("wrong-password-" + i);
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.json().get("detail").asString()).isEqualTo("invalid username or password");
		}
		var fifth = attempt("wrong-password-5");
		assertThat(fifth.status()).isEqualTo(423);
		assertThat(fifth.isProblem()).isTrue();
		assertThat(fifth.json().get("detail").asString()).contains("locked");

		var right = attempt(Fixtures.PASSWORD);
		assertThat(right.status()).isEqualTo(423);
		assertThat(right.json().get("lockedUntil").asString()).isNotBlank();
	}

	@Test
	void aSuccessfulLoginResetsTheCount() {
		for (int i = 0; i < 4; i++) {
			attempt("wrong");
		}
		assertThat(attempt(Fixtures.PASSWORD).status()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			assertThat(attempt("wrong").status()).isEqualTo(401);
		}
		assertThat(attempt(Fixtures.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void administratorsSeeTheLockoutInTheAuditTrailAndOnTheAccountAndCanUnlock() {
		for (int i = 0; i < 5; i++) {
			attempt("wrong");
		}
		var account = api.get(fixtures.admin, "/api/v1/users/" + accountId).json();
		assertThat(account.get("locked").asBoolean()).isTrue();
		assertThat(account.get("lockedUntil").isNull()).isFalse();

		var lockEntries = api.get(fixtures.admin, "/api/v1/audit/entries?action=account.lock&limit=50").json();
		assertThat(lockEntries.valueStream().anyMatch(e -> accountId.equals(e.get("objectId").asString()))).isTrue();

		var unlocked = api.post(fixtures.admin, "/api/v1/users/" + accountId + "/unlock", null);
		assertThat(unlocked.status()).isEqualTo(200);
		assertThat(unlocked.json().get("locked").asBoolean()).isFalse();
		assertThat(attempt(Fixtures.PASSWORD).status()).isEqualTo(200);

		var unlockEntries = api.get(fixtures.admin, "/api/v1/audit/entries?action=account.unlock&limit=50").json();
		assertThat(unlockEntries.valueStream().anyMatch(e -> accountId.equals(e.get("objectId").asString()))).isTrue();
	}

	@Test
	void theLockEndsWhenItsTimeHasPassed() {
		for (int i = 0; i < 5; i++) {
			attempt("wrong");
		}
		assertThat(attempt(Fixtures.PASSWORD).status()).isEqualTo(423);
		// Fifteen minutes pass.
		jdbc.sql("UPDATE directory_account SET locked_until = now() - interval '1 second' WHERE id = ?::uuid")
				.param(accountId).update();
		assertThat(attempt(Fixtures.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void anUnknownUsernameGetsTheSameAnswerAsAWrongPassword() {
		var unknown = api.post(null, "/api/v1/auth/token", Map.of("username", "nobody-here", "password", "whatever"));
		var wrong = attempt("whatever");
		assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
		assertThat(unknown.json().get("detail").asString()).isEqualTo(wrong.json().get("detail").asString());
	}

	private Api.Reply attempt(String password) {
		return api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", password));
	}
}
