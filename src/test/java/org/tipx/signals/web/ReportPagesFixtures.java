package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.tipx.Api;
import org.tipx.Fixtures;

/**
 * Organisations with a person who signs in to the report pages, and reports filed for them through the public API,
 * with unique values so that tests sharing one database never link into each other's networks.
 */
final class ReportPagesFixtures {

	final Api api;

	final Fixtures directory;

	ReportPagesFixtures(Api api) {
		this.api = api;
		this.directory = new Fixtures(api);
	}

	/** An organisation of {@code country} with one account holding {@code role}. */
	Member member(String country, String role) {
		String organisation = directory.organisation("LAW_ENFORCEMENT", country);
		String username = directory.account(organisation, role);
		return new Member(organisation, username, directory.tokenFor(username));
	}

	/** A Telegram handle no other test uses, as a t.me link. */
	static String uniqueHandle() {
		return "t.me/golden_jobs_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
	}

	/** Files a report through the API and returns its id. */
	String file(Member by, String title, String tlp, String country, List<String> recipients,
			Map<String, Object>... indicators) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("reporterCountry", country);
		body.put("observedAt", "2026-10-01T08:00:00Z");
		body.put("category", "SCAM_COMPOUND");
		body.put("tlp", tlp);
		body.put("recipients", recipients);
		body.put("indicators", List.of(indicators));
		var reply = api.post(by.token(), "/api/v1/signals/reports", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	static Map<String, Object> indicator(String type, String value) {
		return Map.of("type", type, "value", value);
	}

	/** An organisation and one of its people: their username (password {@link Fixtures#PASSWORD}) and API token. */
	record Member(String organisationId, String username, String token) {
	}
}
