package org.tipx.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * The outbox posts outside any database transaction: while a slow receiver keeps an alert's delivery waiting, tipx
 * holds no pooled connection for it.
 */
@TipxIntegrationTest
class OutboxIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void aSlowReceiverHoldsNoDatabaseConnectionWhileItKeepsTheDeliveryWaiting() throws Exception {
		Fixtures fixtures = new Fixtures(new Api(port));
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		try (Receiver receiver = new Receiver(true)) {
			String thailand = fixtures.organisation("LAW_ENFORCEMENT", "TH");
			String cambodia = fixtures.organisation("LAW_ENFORCEMENT", "KH");
			String orgAdmin = fixtures.tokenFor(fixtures.account(thailand, "ORG_ADMIN"));
			assertThat(fixtures.api.put(orgAdmin, "/api/v1/signals/webhook",
					Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook")).status()).isEqualTo(200);

			String wallet = wallet();
			file(fixtures, thailand, "TH", wallet);
			file(fixtures, cambodia, "KH", wallet);
			await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.bodies.isEmpty());

			// the receiver still holds the POST unanswered; every connection has gone back to the pool
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
					.until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0);
			assertThat(receiver.bodies).hasSize(1);
			receiver.release();
		}
	}

	static String wallet() {
		return "0x" + UUID.randomUUID().toString().replace("-", "") + "0badc0de";
	}

	static void file(Fixtures fixtures, String organisation, String country, String wallet) {
		String analyst = fixtures.tokenFor(fixtures.account(organisation, "ANALYST"));
		var reply = fixtures.api.post(analyst, "/api/v1/signals/reports", Map.of("title", Fixtures.unique("report"),
				"reporterCountry", country, "observedAt", "2026-10-01T08:00:00Z", "category", "SCAM_COMPOUND", "tlp",
				"GREEN", "indicators", List.of(Map.of("type", "crypto_address", "value", wallet))));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
	}
}
