package org.tipx.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

import tools.jackson.databind.JsonNode;

/**
 * Text PostgreSQL cannot store (U+0000) or nobody types (other control characters), and bytes that are not UTF-8,
 * are refused wherever they come in — any JSON field, query parameter or form field — with a 400 naming the field,
 * and nothing is stored.
 */
@TipxIntegrationTest
class BadTextIntegrationTests {

	private static final String NUL = "\u0000";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Fixtures fixtures;

	String analyst;

	@BeforeEach
	void anAnalyst() {
		fixtures = new Fixtures(new Api(port));
		String organisation = fixtures.organisation("LAW_ENFORCEMENT", "KH");
		analyst = fixtures.tokenFor(fixtures.account(organisation, "ANALYST"));
	}

	@Test
	void aReportWithANulInItsTitleOrAnIndicatorIsRefusedNamingTheFieldAndNothingIsFiled() {
		String title = Fixtures.unique("nul-report");
		Map<String, Object> report = report(title + NUL, "x.example");
		assertRefused(fixtures.api.post(analyst, "/api/v1/signals/reports", report), "title");

		Map<String, Object> indicator = report(title, "x" + NUL + ".example");
		assertRefused(fixtures.api.post(analyst, "/api/v1/signals/reports", indicator), "indicators[0].value");

		Map<String, Object> otherControl = report(title, "x.example");
		otherControl.put("description", "seen \u0007 here");
		assertRefused(fixtures.api.post(analyst, "/api/v1/signals/reports", otherControl), "description");

		assertThat(jdbc.queryForObject("SELECT count(*) FROM signals_report WHERE title LIKE ?", Long.class,
				title + "%")).isZero();
	}

	@Test
	void tabsAndLineBreaksAreStillText() {
		Map<String, Object> report = report(Fixtures.unique("tabs"), "x.example");
		report.put("description", "line one\r\nline\ttwo\n");
		assertThat(fixtures.api.post(analyst, "/api/v1/signals/reports", report).status()).isEqualTo(201);
	}

	@Test
	void anOrganisationOrSharingGroupWithANulIsRefusedNamingTheField() {
		String name = Fixtures.unique("nul-org");
		assertRefused(fixtures.api.post(fixtures.admin, "/api/v1/organisations",
				Map.of("name", name + NUL, "type", "CIVIL_SOCIETY", "country", "ID")), "name");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_organisation WHERE name LIKE ?", Long.class,
				name + "%")).isZero();

		String group = Fixtures.unique("nul-group");
		assertRefused(fixtures.api.post(fixtures.admin, "/api/v1/sharing-groups",
				Map.of("name", group, "description", "for" + NUL, "organisationIds", List.of())), "description");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_sharing_group WHERE name = ?", Long.class, group))
				.isZero();
	}

	@Test
	void aScreeningWithANulInAnAnswerIsRefusedNamingTheAnswerAndNothingIsStored() {
		String organisation = fixtures.organisation("CONSULATE", "ID");
		String screener = fixtures.tokenFor(fixtures.account(organisation, "SCREENER"));
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", "I" + NUL + "D", "age_band", "25_34",
				"gender", "FEMALE"));
		Map<String, Object> request = Map.of("formId", "tipx-screening", "language", "en", "answers", answers,
				"consent", Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", true,
						"research", false));
		long before = jdbc.queryForObject("SELECT count(*) FROM screening", Long.class);

		assertRefused(fixtures.api.post(screener, "/api/v1/screenings", request), "answers.nationality");

		assertThat(jdbc.queryForObject("SELECT count(*) FROM screening", Long.class)).isEqualTo(before);
	}

	@Test
	void aQueryParameterWithANulIsRefusedNamingIt() {
		Reply reply = fixtures.api.get(analyst, "/api/v1/signals/reports?q=a%00b");
		assertRefused(reply, "q");
	}

	@Test
	void aJsonStringOverTheLongestAnyFieldTakesIsRefusedNamingTheField() {
		String group = Fixtures.unique("long-group");
		Reply reply = fixtures.api.post(fixtures.admin, "/api/v1/sharing-groups",
				Map.of("name", group, "description", "d".repeat(20_001), "organisationIds", List.of()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("description");
		assertThat(reply.json().get("errors").get(0).get("message").asString()).contains("at most");
	}

	@Test
	void everyFreeTextFieldHasAMaximumNamedInTheRefusal() {
		String organisation = fixtures.organisation("CIVIL_SOCIETY", "ID");
		String username = Fixtures.unique("long").toLowerCase();
		Reply displayName = fixtures.api.post(fixtures.admin, "/api/v1/users", Map.of("username", username,
				"displayName", "n".repeat(201), "password", Fixtures.PASSWORD, "organisationId", organisation,
				"roles", List.of("ANALYST")));
		assertLimit(displayName, "displayName", "200");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_account WHERE username = ?", Long.class,
				username)).isZero();

		String id = fixtures.accountId(fixtures.account(organisation, "ANALYST"));
		Reply reason = fixtures.api.post(fixtures.admin, "/api/v1/users/" + id + "/deactivate",
				Map.of("reason", "r".repeat(2_001)));
		assertLimit(reason, "reason", "2,000");

		Reply value = fixtures.api.post(analyst, "/api/v1/signals/reports",
				report(Fixtures.unique("long-value"), "v".repeat(2_001)));
		assertLimit(value, "indicators[0].value", "2,000");

		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		admin.get("/admin/accounts/" + id);
		Page page = admin.submit("/admin/accounts/" + id + "/deactivate", "reason", "r".repeat(2_001));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.html().text()).contains("\u2018reason\u2019", "2,000 characters");
		assertThat(fixtures.api.get(fixtures.admin, "/api/v1/users/" + id).json().get("active").asBoolean())
				.isTrue();
	}

	@Test
	void overlongAndOtherInvalidUtf8InAJsonBodyIsRefusedNotDecoded() throws Exception {
		String name = Fixtures.unique("overlong");
		// C0 AF and E0 80 AF are overlong spellings of '/', ED A0 80 an encoded surrogate, F8 never UTF-8
		for (byte[] bad : List.of(new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xE0, (byte) 0x80,
				(byte) 0xAF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xF8 })) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes(("{\"name\":\"" + name).getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bad);
			body.writeBytes("\",\"type\":\"CIVIL_SOCIETY\",\"country\":\"ID\"}".getBytes(StandardCharsets.UTF_8));

			HttpResponse<String> reply = postBytes(fixtures.admin, "/api/v1/organisations", body.toByteArray());

			assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
			assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(reply.body()).contains("not valid UTF-8");
		}
		assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_organisation WHERE name LIKE ?", Long.class,
				name + "%")).isZero();
	}

	@Test
	void aLoginWithANulInTheUsernameGoesBackToTheLoginPageWithItsError() {
		Visitor visitor = new Visitor(port);
		visitor.get("/login");
		Page answer = visitor.submit("/login", "username", "adm" + NUL + "in", "password", "whatever");
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/login?error");
		Page login = visitor.follow(answer);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.html().selectFirst("#login-problem")).isNotNull();
	}

	@Test
	void aPageFormWithANulIsAnsweredWithThe400PageNamingTheFieldAndNothingIsSaved() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		String name = Fixtures.unique("nul-page-org");
		admin.get("/admin/organisations");
		Page refused = admin.submit("/admin/organisations", "name", name + NUL, "type", "CIVIL_SOCIETY", "country",
				"ID");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("text/html");
		assertThat(refused.html().text()).contains("\u2018name\u2019", "control character");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_organisation WHERE name LIKE ?", Long.class,
				name + "%")).isZero();

		Page search = admin.get("/admin/audit?actor=a%01b");
		assertThat(search.status()).isEqualTo(400);
	}

	private static Map<String, Object> report(String title, String value) {
		Map<String, Object> report = new HashMap<>();
		report.put("title", title);
		report.put("reporterCountry", "KH");
		report.put("observedAt", "2026-10-01T08:00:00Z");
		report.put("category", "SCAM_COMPOUND");
		report.put("tlp", "GREEN");
		report.put("indicators", List.of(Map.of("type", "domain", "value", value)));
		return report;
	}

	private static void assertRefused(Reply reply, String field) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.isProblem()).isTrue();
		JsonNode errors = reply.json().get("errors");
		assertThat(errors).as(reply.body()).isNotNull();
		assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
		assertThat(errors.get(0).get("message").asString()).contains("control character");
	}

	private static void assertLimit(Reply reply, String field, String limit) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(reply.json().get("errors").get(0).get("message").asString()).contains("at most " + limit);
	}

	private HttpResponse<String> postBytes(String token, String path, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
				.header("Accept", "application/json").header("Authorization", "Bearer " + token).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}
}
