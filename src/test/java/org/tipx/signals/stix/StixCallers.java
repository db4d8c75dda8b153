package org.tipx.signals.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.tipx.Api;
import org.tipx.Fixtures;

/** Organisations and analysts that file, read, export and import through the public API. */
final class StixCallers {

	final Api api;

	final Fixtures directory;

	StixCallers(Api api) {
		this.api = api;
		this.directory = new Fixtures(api);
	}

	Caller analyst(String country) {
		String org = directory.organisation("LAW_ENFORCEMENT", country);
		String username = directory.account(org, "ANALYST");
		return new Caller(org, directory.tokenFor(username), username);
	}

	/** A machine token of the caller's organisation that may read and file signals. */
	String machineToken(Caller of) {
		String admin = directory.tokenFor(directory.account(of.organisationId(), "ORG_ADMIN"));
		var machine = api.post(admin, "/api/v1/tokens", Map.of("name", Fixtures.unique("stix feed"), "scopes",
				List.of("signals:read", "signals:write")));
		assertThat(machine.status()).as(machine.body()).isEqualTo(201);
		return machine.json().get("token").asString();
	}

	String file(Caller by, String tlp, List<Map<String, Object>> indicators, List<String> recipients) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", Fixtures.unique("report"));
		body.put("description", "seen in a victim statement");
		body.put("reporterCountry", "KH");
		body.put("observedAt", "2026-10-01T08:00:00Z");
		body.put("category", "SCAM_COMPOUND");
		body.put("tlp", tlp);
		body.put("confidence", 70);
		body.put("recipients", recipients);
		body.put("indicators", indicators);
		var reply = api.post(by.token(), "/api/v1/signals/reports", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	static Map<String, Object> indicator(String type, String value) {
		return Map.of("type", type, "value", value);
	}

	static Map<String, Object> indicator(String type, String value, String platform) {
		return Map.of("type", type, "value", value, "platform", platform);
	}

	JsonNode exportReport(Caller by, String reportId) {
		var reply = api.get(by.token(), "/api/v1/signals/reports/" + reportId + "/stix");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("application/stix+json;version=2.1");
		return reply.json();
	}

	/** An organisation's analyst. */
	record Caller(String organisationId, String token, String username) {
	}
}
