package org.tipx.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tipx.Fixtures;

/**
 * Raises early-warning alerts through the public API: two organisations of different countries report the same
 * wallet, GREEN, so each gets an alert (and a delivery, if it has a webhook).
 */
final class Alerting {

	private Alerting() {
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
