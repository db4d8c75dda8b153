package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.tipx.Api;
import org.tipx.Fixtures;

/**
 * Files reports and reads networks through the public API, as an analyst's client would.
 */
final class SignalFixtures {

	final Api api;

	final Fixtures directory;

	SignalFixtures(Api api) {
		this.api = api;
		this.directory = new Fixtures(api);
	}

	/** An organisation with one analyst; returns the analyst's token and the organisation id. */
	Analyst analyst(String country) {
		String org = directory.organisation("LAW_ENFORCEMENT", country);
		return new Analyst(org, directory.tokenFor(directory.account(org, "ANALYST")));
	}

	static Map<String, Object> indicator(String type, String value) {
		return Map.of("type", type, "value", value);
	}

	static Map<String, Object> report(String tlp, String country, List<Map<String, Object>> indicators) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", Fixtures.unique("report"));
		body.put("description", "seen in a victim statement");
		body.put("reporterCountry", country);
		body.put("observedAt", "2026-10-01T08:00:00Z");
		body.put("category", "SCAM_COMPOUND");
		body.put("tlp", tlp);
		body.put("indicators", indicators);
		return body;
	}

	String file(Analyst by, Map<String, Object> body) {
		var reply = api.post(by.token(), "/api/v1/signals/reports", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	String file(Analyst by, String tlp, Map<String, Object>... indicators) {
		return file(by, report(tlp, "KH", List.of(indicators)));
	}

	JsonNode network(Analyst viewer, String reportId) {
		var reply = api.get(viewer.token(), "/api/v1/signals/reports/" + reportId + "/network");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	List<String> members(Analyst viewer, String reportId) {
		List<String> ids = new ArrayList<>();
		network(viewer, reportId).get("reports").forEach(id -> ids.add(id.asString()));
		return ids;
	}

	/** An organisation's analyst. */
	record Analyst(String organisationId, String token) {
	}
}
