package org.tipx.directory.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * Every call made with a token leaves a {@code token.use} entry in the audit trail, committed before the answer
 * arrives: the entry is written while the call is handled, never after it was answered.
 */
@TipxIntegrationTest
class TokenUseAuditIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachCallWithATokenIsInTheAuditTrailByTheTimeItIsAnswered() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		String username = fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "TH"), "CASE_WORKER");
		String token = fixtures.tokenFor(username);
		UUID account = UUID.fromString(fixtures.accountId(username));

		for (int call = 1; call <= 20; call++) {
			Reply me = api.get(token, "/api/v1/me");
			assertThat(me.status()).isEqualTo(200);
			// read at once, on another connection: the entry must already be committed
			long uses = jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'token.use' AND actor_id = ?"
					+ " AND detail = 'GET /api/v1/me'").param(account).query(Long.class).single();
			assertThat(uses).as("token uses audited after call " + call).isEqualTo(call);
		}
	}

	@Test
	void aCallAnsweredWithAStatusOnlyIsAuditedToo() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		String username = fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "KH"), "CASE_WORKER");
		String token = fixtures.tokenFor(username);
		UUID account = UUID.fromString(fixtures.accountId(username));

		Reply missing = api.get(token, "/api/v1/no-such-thing-" + UUID.randomUUID());
		assertThat(missing.status()).isEqualTo(404);
		long uses = jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'token.use' AND actor_id = ?"
				+ " AND detail LIKE 'GET /api/v1/no-such-thing-%'").param(account).query(Long.class).single();
		assertThat(uses).isEqualTo(1);
	}
}
