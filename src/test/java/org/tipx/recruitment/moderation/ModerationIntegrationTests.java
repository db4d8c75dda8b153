package org.tipx.recruitment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.recruitment.monitoring.FeedServer;
import org.tipx.recruitment.monitoring.FlaggedAlerts;
import org.tipx.recruitment.monitoring.OperatingThresholds;
import org.tipx.recruitment.monitoring.RuleScorer;
import org.tipx.sharing.InboxState;

import tools.jackson.databind.JsonNode;

/**
 * Moderation through its pages: the queue lists flagged postings only, highest risk first, with what postings say
 * escaped; the posting page marks the evidence; a fraud decision (note sealed) closes the alert and files to the
 * signal exchange with the posting's contacts, once; the export holds the labelled postings with formula cells
 * defused; twenty decisions recalibrate the threshold, which the queue then shows.
 */
@TipxIntegrationTest
@Import(RuleScorer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationIntegrationTests {

	static final String SCAM = "Customer service in Sihanoukville, no experience. Apply on Telegram @fastjobs88 or"
			+ " call +855 12 345 678, start this week.";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FlaggedAlerts alerts;

	@Autowired
	OperatingThresholds thresholds;

	FeedServer feeds;

	Api api;

	Fixtures directory;

	@BeforeAll
	void start() throws Exception {
		feeds = FeedServer.start();
		api = new Api(port);
		directory = new Fixtures(api);
	}

	@AfterAll
	void stop() {
		feeds.close();
	}

	@Test
	void theQueueListsOnlyFlaggedPostingsWithScriptsEscapedAndThePostingPageMarksTheEvidence() {
		Desk desk = desk();
		feeds.item(desk.feed, UUID.randomUUID().toString(), "<script>alert('x')</script> Typing job", SCAM);
		feeds.item(desk.feed, UUID.randomUUID().toString(), "Cook in Bandung " + UUID.randomUUID(), "Kitchen work, apply in person.");
		desk.poll();

		Visitor.Page queue = desk.visitor.get("/moderation");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
		assertThat(queue.html().select("#queue tr.queue-entry")).isNotEmpty()
				.allSatisfy(row -> assertThat(row.text()).doesNotContain("Cook in Bandung"));
		String link = queue.html().select("#queue tr.queue-entry a").first().attr("href");

		Visitor.Page posting = desk.visitor.get(link);
		assertThat(posting.body()).doesNotContain("<script>alert");
		assertThat(posting.html().select("#field-description mark.evidence").text()).isEqualTo("Telegram");
		assertThat(posting.html().select("#field-description mark.evidence").attr("title"))
				.isEqualTo("messaging-app-contact");
	}

	@Test
	void aFraudDecisionClosesTheAlertAndFilesTheContactsToTheSignalExchangeOnce() {
		Desk desk = desk();
		feeds.item(desk.feed, UUID.randomUUID().toString(), "Typing job " + UUID.randomUUID(), SCAM);
		desk.poll();
		String id = desk.firstQueued();
		String note = "Same handle as the Bavet compound " + UUID.randomUUID();

		desk.visitor.get("/moderation/postings/" + id);
		Visitor.Page decided = desk.visitor.submit("/moderation/postings/" + id + "/decision", "label", "FRAUD",
				"note", note);
		assertThat(decided.isRedirect()).as(decided.body()).isTrue();
		Visitor.Page page = desk.visitor.follow(decided);
		assertThat(page.text("#notice")).isEqualTo("Recorded: fraud.");
		assertThat(page.text("#decisions .decision .note")).isEqualTo(note);
		assertThat(jdbc.sql("SELECT note FROM recruitment_decision WHERE posting_id = ?::uuid").param(id)
				.query(String.class).single()).as("the note is sealed").doesNotContain("Bavet");
		assertThat(alerts.of(desk.organisationId, InboxState.NEW, 100)).as("the alert is closed")
				.noneMatch(a -> a.postingId().toString().equals(id));

		Visitor.Page filed = desk.visitor.submit("/moderation/postings/" + id + "/report", "tlp", "AMBER");
		assertThat(filed.isRedirect()).as(filed.body()).isTrue();
		String reportId = jdbc.sql("SELECT report_id FROM recruitment_decision WHERE posting_id = ?::uuid").param(id)
				.query(String.class).single();
		assertThat(desk.visitor.follow(filed).text("#decisions .filed")).contains(reportId);
		JsonNode report = api.get(desk.token, "/api/v1/signals/reports/" + reportId).json();
		assertThat(report.get("category").asString()).isEqualTo("RECRUITMENT_FRAUD");
		assertThat(report.get("tlp").asString()).isEqualTo("AMBER");
		List<String> canonical = report.get("indicators").valueStream().map(i -> i.get("canonical").asString())
				.toList();
		assertThat(canonical).contains("telegram:fastjobs88", "+85512345678");

		desk.visitor.get("/moderation/postings/" + id);
		assertThat(desk.visitor.submit("/moderation/postings/" + id + "/report", "tlp", "AMBER").status())
				.as("filed once").isEqualTo(409);
	}

	@Test
	void aDecisionWithoutALabelIsRefusedNextToItsFieldAndNothingIsRecorded() {
		Desk desk = desk();
		feeds.item(desk.feed, UUID.randomUUID().toString(), "Data entry " + UUID.randomUUID(), SCAM);
		desk.poll();
		String id = desk.firstQueued();
		desk.visitor.get("/moderation/postings/" + id);
		Visitor.Page refused = desk.visitor.submit("/moderation/postings/" + id + "/decision", "note", "x");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("#label-error")).contains("FRAUD, LEGITIMATE, UNSURE");
		assertThat(jdbc.sql("SELECT count(*) FROM recruitment_decision WHERE posting_id = ?::uuid").param(id)
				.query(Integer.class).single()).isZero();
	}

	@Test
	void twentyDecisionsRecalibrateTheThresholdAndTheExportHoldsTheLabelledPostings() {
		Desk desk = desk();
		for (int i = 0; i < 10; i++) {
			feeds.item(desk.feed, UUID.randomUUID().toString(), "=HYPERLINK(\"x\") Telegram job " + UUID.randomUUID(), SCAM);
			feeds.item(desk.feed, UUID.randomUUID().toString(), "Cashier " + UUID.randomUUID(), "Shop work in Medan.");
		}
		desk.poll();
		List<Map<String, Object>> postings = jdbc.sql("SELECT p.id, p.engine_flagged FROM recruitment_posting p"
				+ " WHERE p.organisation_id = ?").param(desk.organisationId).query().listOfRows();
		assertThat(postings).hasSizeGreaterThanOrEqualTo(20);
		for (Map<String, Object> p : postings) {
			desk.visitor.get("/moderation/postings/" + p.get("id"));
			desk.visitor.submit("/moderation/postings/" + p.get("id") + "/decision", "label",
					Boolean.TRUE.equals(p.get("engine_flagged")) ? "FRAUD" : "LEGITIMATE");
		}
		String threshold = desk.visitor.get("/moderation").text("#threshold .threshold-calibrated");
		assertThat(threshold).startsWith("Threshold 0.500").contains("F1 on them (1.000)")
				.contains("from " + postings.size() + " decided");

		Visitor.Page export = desk.visitor.get("/moderation/export.csv");
		assertThat(export.contentType()).startsWith("text/csv");
		assertThat(export.body()).startsWith("posting_id,label,decided_at,risk_score,language,source_id,title,")
				.contains(",FRAUD,", ",LEGITIMATE,").contains("\"'=HYPERLINK(\"\"x\"\")")
				.doesNotContain(",\"=HYPERLINK");
		assertThat(export.body().lines().count()).isEqualTo(postings.size() + 1);
	}

	@Test
	void theScoringApiFlagsAtTheOrganisationsRecalibratedThreshold() {
		Desk strict = desk();
		Desk usual = desk();
		thresholds.save(strict.organisationId, new OperatingThresholds.Calibrated(0.95, 0.9, 20, Instant.now()));
		String postings = "[{\"id\":\"a\",\"title\":\"Typing job\",\"description\":\"" + SCAM + "\"}]";

		JsonNode atOwnThreshold = api.send(strict.token, "POST", "/api/v1/recruitment/score", postings,
				"application/json").json();
		assertThat(atOwnThreshold.get(0).get("riskScore").asDouble()).isEqualTo(RuleScorer.FLAGGED);
		assertThat(atOwnThreshold.get(0).get("flagged").asBoolean()).as("0.92 is under this organisation's 0.95").isFalse();

		JsonNode atEngineThreshold = api.send(usual.token, "POST", "/api/v1/recruitment/score", postings,
				"application/json").json();
		assertThat(atEngineThreshold.get(0).get("flagged").asBoolean()).isTrue();
	}

	@Test
	void theApiListsTheQueueAndRecordsADecisionRefusingABadLabelByField() {
		Desk desk = desk();
		feeds.item(desk.feed, UUID.randomUUID().toString(), "Typing job " + UUID.randomUUID(), SCAM);
		desk.poll();
		JsonNode queue = api.get(desk.token, "/api/v1/recruitment/moderation/queue").json();
		assertThat(queue.get("threshold").get("source").asString()).isEqualTo("engine");
		String id = queue.get("postings").get(0).get("id").asString();
		assertThat(queue.get("postings").get(0).get("riskScore").asDouble()).isEqualTo(RuleScorer.FLAGGED);

		var refused = api.post(desk.token, "/api/v1/recruitment/moderation/postings/" + id + "/decisions",
				Map.of("label", "SCAM"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("label");
		var decided = api.post(desk.token, "/api/v1/recruitment/moderation/postings/" + id + "/decisions",
				Map.of("label", "LEGITIMATE", "note", "A licensed agency"));
		assertThat(decided.status()).as(decided.body()).isEqualTo(201);
		assertThat(api.get(desk.token, "/api/v1/recruitment/moderation/queue").json().get("postings").size()).isZero();
		JsonNode posting = api.get(desk.token, "/api/v1/recruitment/moderation/postings/" + id).json();
		assertThat(posting.get("decisions").get(0).get("note").asString()).isEqualTo("A licensed agency");
		assertThat(api.post(desk.token, "/api/v1/recruitment/moderation/postings/" + id + "/report", Map.of())
				.status()).as("only fraud is filed").isEqualTo(409);
	}

	@Test
	void onlyModeratorsSeeTheQueue() {
		String analyst = directory.account(directory.organisation("PLATFORM", "ID"), "ANALYST");
		Visitor visitor = new Visitor(port);
		visitor.logIn(analyst, Fixtures.PASSWORD);
		assertThat(visitor.get("/moderation").status()).isEqualTo(403);
	}

	private Desk desk() {
		String feed = UUID.randomUUID().toString();
		String organisation = directory.organisation("PLATFORM", "ID");
		String username = directory.account(organisation, "MODERATOR");
		String token = directory.tokenFor(username);
		var source = api.post(token, "/api/v1/recruitment/sources", Map.of("name", "Board", "kind", "FEED",
				"location", feeds.url("/feeds/" + feed + ".xml")));
		assertThat(source.status()).as(source.body()).isEqualTo(201);
		Visitor visitor = new Visitor(port);
		visitor.logIn(username, Fixtures.PASSWORD);
		return new Desk(UUID.fromString(organisation), token, source.json().get("id").asString(), visitor, feed);
	}

	/** A moderator of a fresh organisation with one source on the shared feed. */
	private final class Desk {

		final UUID organisationId;

		final String token;

		final String source;

		final Visitor visitor;

		final String feed;

		Desk(UUID organisationId, String token, String source, Visitor visitor, String feed) {
			this.feed = feed;
			this.organisationId = organisationId;
			this.token = token;
			this.source = source;
			this.visitor = visitor;
		}

		void poll() {
			var outcome = api.post(token, "/api/v1/recruitment/sources/" + source + "/poll", Map.of());
			assertThat(outcome.json().get("error").isNull()).as(outcome.body()).isTrue();
		}

		/** The desk's one flagged posting. */
		String firstQueued() {
			return jdbc.sql("SELECT id FROM recruitment_posting WHERE organisation_id = ? AND engine_flagged")
					.param(organisationId).query(String.class).single();
		}
	}
}
