package org.tipx.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.common.net.InetAddresses;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * With the insecure switch off, a webhook whose host resolves to an internal address is refused when it is
 * registered, and a name that later resolves to one (DNS rebinding) is refused again before each delivery: nothing
 * reaches the receiver, and the admin is told only that the delivery failed. Names resolve through a resolver this
 * test controls.
 */
@TipxIntegrationTest
@TestPropertySource(properties = "tipx.sharing.webhooks.allow-insecure=false")
@Import(WebhookAddressIntegrationTests.ControlledNames.class)
class WebhookAddressIntegrationTests {

	static final Map<String, String> NAMES = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void addressesThatAreInternalInAnySpellingOrByNameAreRefusedAtRegistration() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String orgAdmin = fixtures.tokenFor(fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "PH"), "ORG_ADMIN"));
		NAMES.put("intranet.tipx-test.example", "10.20.30.40");
		for (String url : List.of("https://2130706433/", "https://0177.0.0.1/", "https://[fd00::1]/",
				"https://100.64.0.1/", "https://localhost./", "https://169.254.169.254/",
				"https://intranet.tipx-test.example/hook")) {
			var refused = fixtures.api.put(orgAdmin, "/api/v1/signals/webhook", Map.of("url", url));
			assertThat(refused.status()).as(url).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
		}
		assertThat(fixtures.api.get(orgAdmin, "/api/v1/signals/webhook").status()).as("nothing stored").isEqualTo(404);
	}

	@Test
	void aNameThatResolvesToLoopbackAtDeliveryTimeIsNotConnectedTo() throws Exception {
		Fixtures fixtures = new Fixtures(new Api(port));
		try (Receiver receiver = new Receiver(false)) {
			String thailand = fixtures.organisation("LAW_ENFORCEMENT", "TH");
			String cambodia = fixtures.organisation("LAW_ENFORCEMENT", "KH");
			String orgAdmin = fixtures.tokenFor(fixtures.account(thailand, "ORG_ADMIN"));
			String host = "rebinding-" + System.nanoTime() + ".tipx-test.example";
			NAMES.put(host, "93.184.216.34");
			var registered = fixtures.api.put(orgAdmin, "/api/v1/signals/webhook",
					Map.of("url", "https://" + host + ":" + receiver.port() + "/hook"));
			assertThat(registered.status()).as(registered.body()).isEqualTo(200);
			NAMES.put(host, "127.0.0.1");

			String wallet = Alerting.wallet();
			Alerting.file(fixtures, thailand, "TH", wallet);
			Alerting.file(fixtures, cambodia, "KH", wallet);

			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
					"SELECT count(*) FROM signals_webhook_failure WHERE organisation_id = CAST(? AS uuid)")
					.param(thailand).query(Integer.class).single() > 0);
			assertThat(receiver.bodies).isEmpty();
			var status = fixtures.api.get(orgAdmin, "/api/v1/signals/webhook");
			assertThat(status.json().get("recentFailures").get(0).get("error").asString()).isEqualTo("delivery failed");
		}
	}

	/** Names resolve as the test says; anything else does not resolve. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ControlledNames {

		@Bean
		@Primary
		HostResolver controlledResolver() {
			return host -> {
				String address = NAMES.get(host);
				if (address == null) {
					throw new UnknownHostException(host);
				}
				return List.<InetAddress>of(InetAddresses.forString(address));
			};
		}
	}
}
