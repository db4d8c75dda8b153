package org.tipx.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * Completed event publications are deleted once older than the retention (here 2 seconds), while a delivery still
 * outstanding stays in the registry.
 */
@TipxIntegrationTest
@TestPropertySource(properties = { "tipx.sharing.events.retention=PT2S", "tipx.sharing.events.purge-interval=PT1S" })
class EventPurgeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void completedPublicationsArePurgedAfterTheRetentionAndOutstandingOnesStay() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String thailand = fixtures.organisation("LAW_ENFORCEMENT", "TH");
		String cambodia = fixtures.organisation("LAW_ENFORCEMENT", "KH");
		String orgAdmin = fixtures.tokenFor(fixtures.account(thailand, "ORG_ADMIN"));
		// nothing listens on port 9 of this host: the delivery fails and stays outstanding
		assertThat(fixtures.api.put(orgAdmin, "/api/v1/signals/webhook", Map.of("url", "http://127.0.0.1:9/hook"))
				.status()).isEqualTo(200);

		String wallet = Alerting.wallet();
		Alerting.file(fixtures, thailand, "TH", wallet);
		Alerting.file(fixtures, cambodia, "KH", wallet);

		await().atMost(Duration.ofSeconds(30)).until(() -> publications("%AlertRaised", thailand, true) == 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> publications("%ReportFiled", cambodia, false) > 0);
		await().atMost(Duration.ofSeconds(30)).until(() -> publications("%ReportFiled", cambodia, false) == 0);
		assertThat(publications("%ReportFiled", cambodia, true)).isZero();
		assertThat(publications("%AlertRaised", thailand, true)).as("outstanding delivery kept").isEqualTo(1);
	}

	/** Publications of this event type that name the organisation, outstanding or completed. */
	private int publications(String type, String organisation, boolean outstanding) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE ? AND serialized_event LIKE ?"
				+ " AND completion_date IS " + (outstanding ? "NULL" : "NOT NULL"))
				.params(type, "%" + organisation + "%").query(Integer.class).single();
	}
}
