package org.tipx.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * A delivery that ran out of attempts is shown to its organisation's admin, who can retry it by hand once the
 * receiver works again; no other organisation sees or retries it. (The test profile allows 4 attempts, 1 s apart
 * and doubling.)
 */
@TipxIntegrationTest
class AbandonedDeliveryIntegrationTests {

	@LocalServerPort
	int port;

	HttpServer receiver;

	final AtomicInteger answer = new AtomicInteger(500);

	final List<String> answered = new CopyOnWriteArrayList<>();

	@BeforeEach
	void receiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", this::receive);
		receiver.start();
	}

	@AfterEach
	void stop() {
		receiver.stop(0);
	}

	@Test
	void anAbandonedDeliveryIsListedForItsAdminAndDeliveredWhenRetriedByHand() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String thailand = fixtures.organisation("LAW_ENFORCEMENT", "TH");
		String cambodia = fixtures.organisation("LAW_ENFORCEMENT", "KH");
		String orgAdmin = fixtures.tokenFor(fixtures.account(thailand, "ORG_ADMIN"));
		String otherAdmin = fixtures.tokenFor(fixtures.account(cambodia, "ORG_ADMIN"));
		fixtures.api.put(orgAdmin, "/api/v1/signals/webhook",
				Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));

		String wallet = Alerting.wallet();
		Alerting.file(fixtures, thailand, "TH", wallet);
		Alerting.file(fixtures, cambodia, "KH", wallet);

		await().atMost(Duration.ofSeconds(60)).until(() -> fixtures.api.get(orgAdmin,
				"/api/v1/signals/webhook/abandoned").json().size() == 1);
		var abandoned = fixtures.api.get(orgAdmin, "/api/v1/signals/webhook/abandoned").json().get(0);
		String alertId = abandoned.get("alertId").asString();
		assertThat(abandoned.get("attempts").asInt()).isEqualTo(4);
		assertThat(fixtures.api.get(otherAdmin, "/api/v1/signals/webhook/abandoned").json().size()).isZero();
		assertThat(fixtures.api.post(otherAdmin, "/api/v1/signals/webhook/abandoned/" + alertId + "/retry", Map.of())
				.status()).isEqualTo(404);

		answer.set(200);
		assertThat(fixtures.api.post(orgAdmin, "/api/v1/signals/webhook/abandoned/" + alertId + "/retry", Map.of())
				.status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30)).until(() -> answered.contains(alertId));
		assertThat(fixtures.api.get(orgAdmin, "/api/v1/signals/webhook/abandoned").json().size()).isZero();
	}

	private void receive(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		int status = answer.get();
		if (status == 200) {
			answered.add(exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER));
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}
}
