package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tipx.signals.SignalFixtures.indicator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Publications;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;
import org.tipx.sharing.WebhookSignature;

/**
 * Alert webhooks: signed deliveries a receiver can verify, retried with backoff while the receiver fails, kept in the
 * event publication registry until delivered (so a restart resubmits them), and failures shown to the admin.
 */
@TipxIntegrationTest
class WebhookIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	SignalFixtures signals;

	HttpServer receiver;

	final List<Delivery> received = new CopyOnWriteArrayList<>();

	final AtomicInteger failuresToGo = new AtomicInteger();

	/** Organisation admins whose webhook this test registered, to be removed after it. */
	final List<String> registeredBy = new CopyOnWriteArrayList<>();

	@BeforeEach
	void receiver() throws IOException {
		signals = new SignalFixtures(new Api(port));
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", this::receive);
		receiver.start();
	}

	@AfterEach
	void stop() {
		receiver.stop(0);
		// A webhook left behind would be posted every cross-border GREEN alert other tests raise, failing against a
		// receiver that is gone; removing it also lets this test's own outstanding deliveries complete.
		for (String orgAdmin : registeredBy) {
			signals.api.delete(orgAdmin, "/api/v1/signals/webhook");
		}
	}

	@Test
	void aFailingReceiverGetsTheSignedAlertOnceItRecoversAndTheAdminSeesTheFailures() {
		Analyst thailand = signals.analyst("TH");
		Analyst cambodia = signals.analyst("KH");
		String orgAdmin = signals.directory.tokenFor(signals.directory.account(thailand.organisationId(), "ORG_ADMIN"));
		registeredBy.add(orgAdmin);
		var registered = signals.api.put(orgAdmin, "/api/v1/signals/webhook",
				Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		String secret = registered.json().get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		failuresToGo.set(2);

		String wallet = EarlyWarningIntegrationTests.wallet();
		signals.file(thailand, SignalFixtures.report("GREEN", "TH", List.of(indicator("crypto_address", wallet))));
		// the Thai report is judged alone first; judged late, it would raise a second alert to the same receiver
		new Publications(jdbc).awaitHandled(List.of(thailand.organisationId()));
		String report = signals.file(cambodia, SignalFixtures.report("GREEN", "KH",
				List.of(indicator("crypto_address", wallet))));

		await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(d -> d.status() == 200));
		List<Delivery> attempts = received.stream().filter(d -> d.body().contains(report)).toList();
		assertThat(attempts).extracting(Delivery::status).containsExactly(500, 500, 200);
		Delivery delivered = attempts.get(2);
		assertThat(WebhookSignature.verify(secret, delivered.timestamp(), delivered.signature(),
				delivered.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.now())).isTrue();
		assertThat(delivered.body()).contains(wallet, "\"state\":\"NEW\"");
		assertThat(attempts).extracting(Delivery::deliveryId).containsOnly(delivered.deliveryId());

		var status = signals.api.get(orgAdmin, "/api/v1/signals/webhook");
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body()).doesNotContain(secret);
		assertThat(status.json().get("recentFailures").valueStream().map(f -> f.get("error").asString()))
				.containsExactly("HTTP 500", "HTTP 500");
		assertThat(signals.api.get(thailand.token(), "/api/v1/signals/webhook").status()).isEqualTo(403);
	}

	@Test
	void anUndeliveredAlertStaysInTheEventRegistryUntilTheReceiverAnswers() {
		Analyst laos = signals.analyst("LA");
		Analyst vietnam = signals.analyst("VN");
		String orgAdmin = signals.directory.tokenFor(signals.directory.account(laos.organisationId(), "ORG_ADMIN"));
		int receiverPort = receiver.getAddress().getPort();
		receiver.stop(0);
		registeredBy.add(orgAdmin);
		signals.api.put(orgAdmin, "/api/v1/signals/webhook", Map.of("url", "http://127.0.0.1:" + receiverPort + "/hook"));

		String wallet = EarlyWarningIntegrationTests.wallet();
		signals.file(laos, SignalFixtures.report("GREEN", "LA", List.of(indicator("crypto_address", wallet))));
		new Publications(jdbc).awaitHandled(List.of(laos.organisationId()));
		signals.file(vietnam, SignalFixtures.report("GREEN", "VN", List.of(indicator("crypto_address", wallet))));

		await().atMost(Duration.ofSeconds(20)).until(() -> !failures(laos.organisationId()).isEmpty());
		assertThat(incompleteAlertPublications(laos.organisationId())).isEqualTo(1);
		assertThat(failures(laos.organisationId()).get(0)).contains("ConnectException");
	}

	@Test
	void onlyAnOrganisationAdminRegistersAnAbsoluteUrlWithoutCredentials() {
		Analyst analyst = signals.analyst("PH");
		String orgAdmin = signals.directory.tokenFor(signals.directory.account(analyst.organisationId(), "ORG_ADMIN"));
		assertThat(signals.api.put(analyst.token(), "/api/v1/signals/webhook", Map.of("url", "https://example.org/h"))
				.status()).isEqualTo(403);
		var ftp = signals.api.put(orgAdmin, "/api/v1/signals/webhook", Map.of("url", "ftp://example.org/hook"));
		assertThat(ftp.status()).isEqualTo(400);
		assertThat(ftp.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
		assertThat(signals.api.put(orgAdmin, "/api/v1/signals/webhook", Map.of("url", "https://user:pw@example.org/h"))
				.status()).isEqualTo(400);
		assertThat(signals.api.get(orgAdmin, "/api/v1/signals/webhook").status()).isEqualTo(404);
	}

	private List<String> failures(String organisationId) {
		return jdbc.sql("SELECT error FROM signals_webhook_failure WHERE organisation_id = CAST(? AS uuid)")
				.param(organisationId).query(String.class).list();
	}

	/** Alert deliveries to this organisation that the event publication registry still holds as outstanding. */
	private int incompleteAlertPublications(String organisationId) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE ?"
				+ " AND listener_id LIKE ? AND serialized_event LIKE ?")
				.params("%AlertRaised", "%WebhookDelivery%", "%" + organisationId + "%").query(Integer.class).single();
	}

	private void receive(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		int status = failuresToGo.getAndDecrement() > 0 ? 500 : 200;
		received.add(new Delivery(status, new String(body, java.nio.charset.StandardCharsets.UTF_8),
				exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
				exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
				exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER)));
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	record Delivery(int status, String body, String timestamp, String signature, String deliveryId) {
	}
}
