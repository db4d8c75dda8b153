package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.tipx.Api;
import org.tipx.Fixtures;

/**
 * Organisations, their people and their reports, made through the public API, for the signal work page tests; and
 * an early-warning alert produced the real way: two organisations in different countries report the same wallet.
 */
final class SignalWork {

	final Api api;

	final Fixtures directory;

	SignalWork(Api api) {
		this.api = api;
		this.directory = new Fixtures(api);
	}

	/** An organisation in {@code country}, with an analyst whose username and token are returned. */
	Agency agency(String country) {
		String organisation = directory.organisation("LAW_ENFORCEMENT", country);
		String analyst = directory.account(organisation, "ANALYST");
		return new Agency(organisation, country, analyst, directory.tokenFor(analyst));
	}

	/** Files a report holding one wallet, shared with the {@code recipients} (organisation ids), and returns its id. */
	String report(Agency by, String tlp, String wallet, String... recipients) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", Fixtures.unique("report"));
		body.put("reporterCountry", by.country());
		body.put("observedAt", "2026-10-01T08:00:00Z");
		body.put("category", "SCAM_COMPOUND");
		body.put("tlp", tlp);
		body.put("indicators", List.of(Map.of("type", "crypto_address", "value", wallet)));
		body.put("recipients", List.of(recipients));
		var reply = api.post(by.token(), "/api/v1/signals/reports", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	/** Waits until {@code agency} has an alert on {@code reportId}, and returns it as the API shows it. */
	JsonNode alertOn(Agency agency, String reportId) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			for (JsonNode alert : api.get(agency.token(), "/api/v1/signals/alerts").json()) {
				if (alert.get("report").get("id").asString().equals(reportId)) {
					return alert;
				}
			}
			return null;
		}, alert -> alert != null);
	}

	/** A fresh EVM wallet address, lower case, so that it links only where a test files it. */
	static String wallet() {
		return "0x" + UUID.randomUUID().toString().replace("-", "") + "0badc0de";
	}

	/** An organisation and its analyst. */
	record Agency(String organisationId, String country, String analyst, String token) {
	}
}
