package org.tipx.recruitment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The scoring API as a job board calls it: order kept, a bad posting answered in its own entry, the whole request
 * refused only when it is too many postings, too large or not UTF-8, and known recruiters counted only as far as the
 * caller may see them in the signal exchange.
 */
@TipxIntegrationTest
class ScoringApiIntegrationTests {

	static final String PATH = "/api/v1/recruitment/score";

	static final String SCAM = "Customer service job in Sihanoukville. Salary 1500 USD a month, no experience needed,"
			+ " free flight and visa. Urgent, leave this week!";

	@LocalServerPort
	int port;

	Api api;

	Fixtures directory;

	@BeforeEach
	void client() {
		api = new Api(port);
		directory = new Fixtures(api);
	}

	String moderator(String country) {
		String org = directory.organisation("CIVIL_SOCIETY", country);
		return directory.tokenFor(directory.account(org, "MODERATOR"));
	}

	static Map<String, Object> posting(String id, String title, String description) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("title", title);
		p.put("description", description);
		return p;
	}

	@Test
	void postingsAreAnsweredInOrderAndABadOneIsReportedInItsOwnEntry() {
		String token = moderator("ID");
		var reply = api.post(token, PATH, List.of(posting("a", "Customer service", SCAM),
				posting("b", "  ", "\u200B\n"),
				posting("c", "Accountant", "Our Jakarta office needs an accountant. Employment contract, BPJS."),
				posting("d", "Job", "x".repeat(100 * 1024 + 1))));

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode answer = reply.json();
		assertThat(answer.size()).isEqualTo(4);
		assertThat(answer.get(0).get("id").asString()).isEqualTo("a");
		assertThat(answer.get(0).get("flagged").asBoolean()).isTrue();
		assertThat(answer.get(0).get("language").asString()).isEqualTo("en");
		double risk = answer.get(0).get("riskScore").asDouble();
		assertThat(risk).isBetween(0.5, 1.0);
		List<String> evidence = new ArrayList<>();
		answer.get(0).get("reasons").forEach(r -> {
			evidence.add(r.get("evidence").asString());
			assertThat(r.has("indicator")).isTrue();
			assertThat(r.has("weight")).isTrue();
		});
		assertThat(evidence).contains("Sihanoukville", "no experience needed", "1500 USD");
		evidence.stream().filter(e -> !e.isEmpty()).forEach(e -> assertThat(SCAM + "Customer service").contains(e));

		assertThat(answer.get(1).get("id").asString()).isEqualTo("b");
		assertThat(answer.get(1).get("error").asString()).startsWith("title:");
		assertThat(answer.get(2).get("flagged").asBoolean()).isFalse();
		assertThat(answer.get(3).get("error").asString()).startsWith("description:").contains("100 KB");
	}

	@Test
	void moreThanAThousandPostingsAreRefusedAsAWhole() {
		List<Map<String, Object>> many = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			many.add(posting("p" + i, "Job " + i, "Ordinary job"));
		}
		var reply = api.post(moderator("TH"), PATH, many);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.body()).contains("postings", "1000");
	}

	@Test
	void aBodyOverTheJsonLimitIs413AndInvalidUtf8Is400() throws Exception {
		String token = moderator("TH");
		StringBuilder huge = new StringBuilder("[");
		for (int i = 0; i < 30; i++) {
			huge.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"description\":\"")
				.append("y".repeat(90_000)).append("\"}");
		}
		huge.append("]");
		assertThat(api.postRaw(token, PATH, huge.toString()).status()).isEqualTo(413);

		byte[] start = "[{\"id\":\"1\",\"title\":\"caf".getBytes(StandardCharsets.UTF_8);
		byte[] end = "\"}]".getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + 2 + end.length];
		System.arraycopy(start, 0, body, 0, start.length);
		body[start.length] = (byte) 0xC0;
		body[start.length + 1] = (byte) 0xAF;
		System.arraycopy(end, 0, body, start.length + 2, end.length);
		HttpResponse<String> reply = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(reply.statusCode()).isEqualTo(400);
		assertThat(reply.body()).contains("UTF-8");
	}

	@Test
	void onlyModeratorsAnalystsAndTokensWithTheScopeMayScore() {
		String org = directory.organisation("CIVIL_SOCIETY", "VN");
		String caseWorker = directory.tokenFor(directory.account(org, "CASE_WORKER"));
		assertThat(api.post(caseWorker, PATH, List.of(posting("a", "Job", SCAM))).status()).isEqualTo(403);
		String analyst = directory.tokenFor(directory.account(org, "ANALYST"));
		assertThat(api.post(analyst, PATH, List.of(posting("a", "Job", SCAM))).status()).isEqualTo(200);

		String orgAdmin = directory.tokenFor(directory.account(org, "ORG_ADMIN"));
		var issued = api.post(orgAdmin, "/api/v1/tokens",
				Map.of("name", Fixtures.unique("board"), "scopes", List.of("recruitment:score")));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		var machine = api.post(issued.json().get("token").asString(), PATH, List.of(posting("a", "Job", SCAM)));
		assertThat(machine.status()).as(machine.body()).isEqualTo(200);
		assertThat(machine.json().get(0).get("flagged").asBoolean()).isTrue();
	}

	@Test
	void aRecruiterKnownOnlyInAnotherOrganisationsRedOrAmberReportChangesNothingForTheCaller() {
		String phone = "+855 12 " + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
		String ownerOrg = directory.organisation("LAW_ENFORCEMENT", "KH");
		String owner = directory.tokenFor(directory.account(ownerOrg, "ANALYST"));
		String otherOrg = directory.organisation("CIVIL_SOCIETY", "TH");
		String other = directory.tokenFor(directory.account(otherOrg, "MODERATOR"));
		Map<String, Object> ad = posting("k", "Admin staff",
				"Office admin in Phnom Penh, apply by phone " + phone + " or at our office.");
		double before = api.post(other, PATH, List.of(ad)).json().get(0).get("riskScore").asDouble();

		file(owner, "RED", phone, List.of());
		file(owner, "AMBER_STRICT", phone, List.of());

		JsonNode forOther = api.post(other, PATH, List.of(ad)).json().get(0);
		assertThat(forOther.get("riskScore").asDouble()).isEqualTo(before);
		assertThat(forOther.get("reasons").toString()).doesNotContain("known-recruiter").doesNotContain(phone);

		JsonNode forOwner = api.post(owner, PATH, List.of(ad)).json().get(0);
		assertThat(forOwner.get("riskScore").asDouble()).isGreaterThan(before);
		JsonNode known = null;
		for (JsonNode r : forOwner.get("reasons")) {
			if (r.get("indicator").asString().equals("known-recruiter")) {
				known = r;
			}
		}
		assertThat(known).isNotNull();
		assertThat(known.get("evidence").asString()).isEqualTo(phone);

		file(owner, "AMBER", phone, List.of(otherOrg));
		JsonNode shared = api.post(other, PATH, List.of(ad)).json().get(0);
		assertThat(shared.get("reasons").toString()).contains("known-recruiter");
	}

	private void file(String token, String tlp, String phone, List<String> recipients) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", Fixtures.unique("recruiter"));
		body.put("description", "job ad answered by a victim");
		body.put("reporterCountry", "KH");
		body.put("observedAt", "2026-10-01T08:00:00Z");
		body.put("category", "RECRUITMENT_FRAUD");
		body.put("tlp", tlp);
		body.put("recipients", recipients);
		body.put("indicators", List.of(Map.of("type", "phone", "value", phone)));
		var reply = api.post(token, "/api/v1/signals/reports", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
	}
}
