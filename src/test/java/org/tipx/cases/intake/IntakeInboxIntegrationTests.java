package org.tipx.cases.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

import tools.jackson.databind.JsonNode;

/**
 * The focal points of a Philippine consulate read a public report about a Filipino held in Myanmar on their inbox
 * page, acknowledge it there, and a focal point who is also a case worker opens it as a case once; nobody else can
 * read, acknowledge or open it.
 */
@TipxIntegrationTest
class IntakeInboxIntegrationTests {

	@LocalServerPort
	int port;

	Fixtures fixtures;

	String consulate;

	String marker;

	String reference;

	@BeforeEach
	void aReportArrives() {
		fixtures = new Fixtures(new Api(port));
		consulate = fixtures.organisation("CONSULATE", "PH");
		fixtures.account(consulate, "FOCAL_POINT");
		marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var report = Reporter.report("PH", "MM", "no", marker);
		report.put("reporter", "SELF");
		Reporter.Page sent = new Reporter(port, Reporter.freshNetwork() + "3").file(report);
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		reference = sent.reference();
	}

	@Test
	void theFocalPointReadsTheReportOnTheInboxPageAndAcknowledgesIt() {
		String focalPoint = fixtures.account(consulate, "FOCAL_POINT");
		Visitor visitor = Visitor.loggedIn(port, focalPoint, Fixtures.PASSWORD);

		Page inbox = visitor.get("/intake");
		assertThat(inbox.status()).isEqualTo(200);
		var article = inbox.html().selectFirst("article[data-reference=" + reference + "]");
		assertThat(article).as("the report is in the consulate's inbox").isNotNull();
		assertThat(article.select(".what-happened").text()).contains(marker + "-story");
		assertThat(article.select(".do-not-call").text()).isEqualTo("Do not call. Send messages only.");
		assertThat(article.text()).contains("Myanmar").contains("the person held");
		assertThat(article.hasClass("intake--new")).isTrue();

		Page acknowledged = visitor.follow(visitor.submit(article.selectFirst("form").attr("action")));
		var after = acknowledged.html().selectFirst("article[data-reference=" + reference + "]");
		assertThat(after.hasClass("intake--acknowledged")).isTrue();
		assertThat(after.select(".acknowledged").text()).contains(focalPoint);
		assertThat(new Reporter(port, Reporter.freshNetwork() + "4").status(reference).html()
				.selectFirst("#status").attr("data-status")).isEqualTo("ACKNOWLEDGED");
	}

	@Test
	void aFocalPointWhoIsACaseWorkerOpensTheReportAsACaseOnce() {
		String worker = fixtures.tokenFor(fixtures.account(consulate, "FOCAL_POINT", "CASE_WORKER"));
		String item = item(worker);

		Reply opened = fixtures.api.post(worker, "/api/v1/intakes/" + item + "/case", null);

		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		JsonNode kase = opened.json();
		assertThat(kase.get("nationality").asString()).isEqualTo("PH");
		assertThat(kase.get("exploitationCountries").get(0).asString()).isEqualTo("MM");
		assertThat(kase.get("personal").get("contacts").asString()).contains(marker + "-channel")
				.contains("DO NOT CALL");
		assertThat(kase.get("personal").get("addresses").asString()).contains(marker + "-compound");
		String caseId = kase.get("id").asString();
		JsonNode consent = fixtures.api.get(worker, "/api/v1/cases/" + caseId + "/consent").json().get("inForce");
		assertThat(consent.get("version").asInt()).isEqualTo(1);
		assertThat(consent.get("assistance").asBoolean()).as("the person asked for help themselves").isTrue();
		assertThat(consent.get("shareWithCountryOfNationality").asBoolean()).isTrue();
		assertThat(consent.get("referralTypes")).isEmpty();
		assertThat(consent.get("research").asBoolean()).isFalse();
		JsonNode listed = find(fixtures.api.get(worker, "/api/v1/intakes").json());
		assertThat(listed.get("caseReference").asString()).isEqualTo(kase.get("reference").asString());

		Reply again = fixtures.api.post(worker, "/api/v1/intakes/" + item + "/case", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("intake").doesNotContain(marker);
	}

	@Test
	void nobodyElseReadsAcknowledgesOrOpensTheReport() {
		String item = item(fixtures.tokenFor(fixtures.account(consulate, "FOCAL_POINT")));
		String focalPointOnly = fixtures.tokenFor(fixtures.account(consulate, "FOCAL_POINT"));
		String elsewhere = fixtures.tokenFor(
				fixtures.account(fixtures.organisation("CONSULATE", "PH"), "FOCAL_POINT", "CASE_WORKER"));
		String caseWorker = fixtures.tokenFor(fixtures.account(consulate, "CASE_WORKER"));

		assertThat(find(fixtures.api.get(elsewhere, "/api/v1/intakes").json()))
				.as("a Philippine organisation that had no focal point yet when the report came").isNull();
		assertThat(fixtures.api.post(elsewhere, "/api/v1/intakes/" + item + "/acknowledge", null).status())
				.isEqualTo(404);
		Reply foreign = fixtures.api.post(elsewhere, "/api/v1/intakes/" + item + "/case", null);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(fixtures.api.post(focalPointOnly, "/api/v1/intakes/" + item + "/case", null).status())
				.as("a focal point who is not a case worker").isEqualTo(403);
		assertThat(fixtures.api.get(caseWorker, "/api/v1/intakes").status()).as("not a focal point").isEqualTo(403);
		assertThat(find(fixtures.api.get(fixtures.tokenFor(fixtures.account(consulate, "FOCAL_POINT")),
				"/api/v1/intakes").json()).get("acknowledgedAt").isNull()).isTrue();
	}

	private String item(String token) {
		JsonNode intake = find(fixtures.api.get(token, "/api/v1/intakes").json());
		assertThat(intake).isNotNull();
		return intake.get("id").asString();
	}

	private JsonNode find(JsonNode intakes) {
		for (JsonNode intake : intakes) {
			if (intake.get("reference").asString().equals(reference)) {
				return intake;
			}
		}
		return null;
	}
}
