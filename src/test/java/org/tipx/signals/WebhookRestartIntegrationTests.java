package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tipx.signals.SignalFixtures.indicator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Publications;
import org.tipx.TipxApplication;
import org.tipx.signals.SignalFixtures.Analyst;
import org.tipx.sharing.WebhookSignature;

/**
 * A webhook delivery cut off by a restart is not lost: tipx is stopped while the receiver holds the alert's POST
 * unanswered, started again on the same database, and the alert arrives signed, under the same delivery id, with its
 * event publication completed.
 */
class WebhookRestartIntegrationTests {

	@TempDir
	Path dataDir;

	HttpServer receiver;

	ExecutorService receiverThreads;

	final List<Delivery> received = new CopyOnWriteArrayList<>();

	/** While false, the receiver takes each request and then holds it without an answer until {@link #release}. */
	final AtomicBoolean answering = new AtomicBoolean();

	final CountDownLatch release = new CountDownLatch(1);

	ConfigurableApplicationContext tipx;

	@BeforeEach
	void receiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiverThreads = Executors.newCachedThreadPool();
		receiver.setExecutor(receiverThreads);
		receiver.createContext("/hook", this::receive);
		receiver.start();
	}

	@AfterEach
	void stop() {
		if (tipx != null) {
			tipx.close();
		}
		release.countDown();
		receiver.stop(0);
		receiverThreads.shutdownNow();
	}

	@Test
	void anAlertWhoseDeliveryWasCutOffByARestartArrivesAfterTheRestart() {
		// the first run waits far longer for the receiver than shutting down waits for running work, so tipx stops
		// while the delivery is still in flight: neither delivered nor recorded as failed
		tipx = start("--tipx.signals.webhooks.timeout=PT10M");
		SignalFixtures signals = new SignalFixtures(new Api(port(tipx)));
		Analyst thailand = signals.analyst("TH");
		Analyst cambodia = signals.analyst("KH");
		String orgAdmin = signals.directory.tokenFor(signals.directory.account(thailand.organisationId(), "ORG_ADMIN"));
		var registered = signals.api.put(orgAdmin, "/api/v1/signals/webhook",
				Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		String secret = registered.json().get("secret").asString();

		String wallet = EarlyWarningIntegrationTests.wallet();
		signals.file(thailand, SignalFixtures.report("GREEN", "TH", List.of(indicator("crypto_address", wallet))));
		// the Thai report is judged alone first; judged late, it would raise a second alert to the same receiver
		new Publications(tipx.getBean(JdbcClient.class)).awaitHandled(List.of(thailand.organisationId()));
		String report = signals.file(cambodia, SignalFixtures.report("GREEN", "KH",
				List.of(indicator("crypto_address", wallet))));

		await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
		Delivery cutOff = received.get(0);
		assertThat(cutOff.body()).contains(report);
		assertThat(incompleteAlertPublications(tipx, thailand.organisationId())).isEqualTo(1);

		tipx.close();
		tipx = null;
		answering.set(true);
		release.countDown();

		tipx = start();
		await().atMost(Duration.ofSeconds(60)).until(() -> received.stream().anyMatch(d -> d.status() == 200));
		List<Delivery> answered = received.stream().filter(d -> d.status() == 200).toList();
		assertThat(answered).as("delivered once after the restart").hasSize(1);
		Delivery delivered = answered.get(0);
		assertThat(delivered.deliveryId()).isEqualTo(cutOff.deliveryId());
		assertThat(delivered.body()).contains(report, wallet);
		assertThat(WebhookSignature.verify(secret, delivered.timestamp(), delivered.signature(),
				delivered.body().getBytes(StandardCharsets.UTF_8), Instant.now())).isTrue();
		await().atMost(Duration.ofSeconds(10))
				.until(() -> incompleteAlertPublications(tipx, thailand.organisationId()) == 0);
		assertThat(completedAlertPublications(tipx, thailand.organisationId())).isEqualTo(1);
	}

	/** tipx on a random port, keeping its embedded PostgreSQL in this test's data directory across restarts. */
	private ConfigurableApplicationContext start(String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--tipx.db.ephemeral=false",
				"--tipx.db.data-dir=" + dataDir));
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(TipxApplication.class).profiles("test").run(arguments.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static int incompleteAlertPublications(ConfigurableApplicationContext context, String organisationId) {
		return alertPublications(context, organisationId, "completion_date IS NULL");
	}

	private static int completedAlertPublications(ConfigurableApplicationContext context, String organisationId) {
		return alertPublications(context, organisationId, "completion_date IS NOT NULL");
	}

	private static int alertPublications(ConfigurableApplicationContext context, String organisationId,
			String completion) {
		return context.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM event_publication WHERE " + completion + " AND event_type LIKE ?"
						+ " AND listener_id LIKE ? AND serialized_event LIKE ?")
				.params("%AlertRaised", "%WebhookDelivery%", "%" + organisationId + "%").query(Integer.class).single();
	}

	private void receive(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		boolean answer = answering.get();
		received.add(new Delivery(answer ? 200 : 0, new String(body, StandardCharsets.UTF_8),
				exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
				exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
				exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER)));
		if (!answer) {
			try {
				// holds the connection open, unanswered, until the test has stopped tipx; then drops it
				release.await(2, TimeUnit.MINUTES);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
			return;
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	/** One request the receiver got; status 0 when it was held without an answer. */
	record Delivery(int status, String body, String timestamp, String signature, String deliveryId) {
	}
}
