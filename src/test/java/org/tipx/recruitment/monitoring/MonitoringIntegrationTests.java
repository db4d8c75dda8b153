package org.tipx.recruitment.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
import org.tipx.sharing.InboxState;

import tools.jackson.databind.JsonNode;

/**
 * Monitoring against a job board served on localhost: a poll picks up a new posting, scores it, stores its text
 * sealed, groups a repost with it and alerts the organisation once for the group; a source answering garbage, too
 * slowly or too much has that recorded on it while another organisation's source still polls; bad sources are
 * refused by field and not stored; another organisation cannot see or poll a source.
 */
@TipxIntegrationTest
@Import(RuleScorer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringIntegrationTests {

	private static final String SCAM = "Customer service in Sihanoukville, no experience, free visa. Apply on Telegram"
			+ " @fastjobs88 today, salary 1500 USD, flight paid, start this week.";

	@LocalServerPort
	int port;

	@Autowired
	FlaggedAlerts alerts;

	@Autowired
	Polling polling;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MonitoringSettings settings;

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
	void aPollPicksUpANewPostingScoresItGroupsARepostAndAlertsOnce() {
		String organisation = directory.organisation("PLATFORM", "ID");
		String moderator = directory.tokenFor(directory.account(organisation, "MODERATOR"));
		String guid = UUID.randomUUID().toString();
		feeds.item(guid, "Typing job abroad", SCAM);
		String source = add(moderator, "Board", "FEED", feeds.url("/feed.xml")).get("id").asString();

		JsonNode first = api.post(moderator, "/api/v1/recruitment/sources/" + source + "/poll", Map.of()).json();
		assertThat(first.get("error").isNull()).as(first.toString()).isTrue();
		assertThat(first.get("added").asInt()).isEqualTo(countItems());
		int flaggedFirst = first.get("flagged").asInt();
		assertThat(flaggedFirst).isGreaterThanOrEqualTo(1);

		feeds.item(UUID.randomUUID().toString(), "Typing job abroad!", SCAM.replace("@fastjobs88", "@jobsfast99"));
		JsonNode second = api.post(moderator, "/api/v1/recruitment/sources/" + source + "/poll", Map.of()).json();
		assertThat(second.get("added").asInt()).as("only the repost is new").isEqualTo(1);
		assertThat(second.get("grouped").asInt()).isEqualTo(1);

		UUID org = UUID.fromString(organisation);
		var rows = jdbc.sql("SELECT group_id, content, risk_score FROM recruitment_posting p"
				+ " JOIN recruitment_source s ON s.id = p.source_id WHERE s.id = ?::uuid AND p.content NOT LIKE '%Typing%'")
				.param(source).query((rs, n) -> rs.getString(1)).list();
		assertThat(rows).as("the text is stored sealed").hasSize(countItems());
		Map<String, Integer> sizes = new HashMap<>();
		rows.forEach(g -> sizes.merge(g, 1, Integer::sum));
		String ownGuidGroup = jdbc.sql("SELECT group_id FROM recruitment_posting WHERE source_id = ?::uuid"
				+ " AND external_key = ?").params(source, "id:" + guid).query(String.class).single();
		assertThat(sizes.get(ownGuidGroup)).as("the repost joins the first posting's group").isGreaterThanOrEqualTo(2);
		assertThat(alerts.of(org, InboxState.NEW, 100)).as("one alert per group")
				.filteredOn(a -> a.groupId().toString().equals(ownGuidGroup)).hasSize(1);

		JsonNode listed = api.get(moderator, "/api/v1/recruitment/sources").json().get(0);
		assertThat(listed.get("lastNew").asInt()).isEqualTo(1);
		assertThat(listed.get("lastError").isNull()).isTrue();
	}

	@Test
	void garbageSlowAndHugeFeedsAreRecordedOnTheirSourceWhileAnotherSourceStillPolls() {
		String troubled = directory.organisation("PLATFORM", "TH");
		String moderator = directory.tokenFor(directory.account(troubled, "MODERATOR"));
		String garbage = add(moderator, "Garbage", "FEED", feeds.url("/garbage")).get("id").asString();
		String slow = add(moderator, "Slow", "FEED", feeds.url("/slow")).get("id").asString();
		String huge = add(moderator, "Huge", "FEED", feeds.url("/huge")).get("id").asString();
		String healthy = directory.organisation("PLATFORM", "KH");
		String other = directory.tokenFor(directory.account(healthy, "ORG_ADMIN"));
		feeds.item(UUID.randomUUID().toString(), "Warehouse work", "Packing in Phnom Penh, apply at the office.");
		String good = add(other, "Good", "FEED", feeds.url("/feed.xml")).get("id").asString();

		polling.pollDue();

		Map<String, JsonNode> byId = new HashMap<>();
		api.get(moderator, "/api/v1/recruitment/sources").json().forEach(s -> byId.put(s.get("id").asString(), s));
		assertThat(byId.get(garbage).get("lastError").asString()).contains("not a readable RSS or Atom feed");
		assertThat(byId.get(slow).get("lastError").asString()).contains("timed out");
		assertThat(byId.get(huge).get("lastError").asString()).contains("larger than the limit");
		assertThat(byId.values()).allSatisfy(s -> assertThat(s.get("lastErrorAt").isNull()).isFalse());
		JsonNode goodSource = api.get(other, "/api/v1/recruitment/sources/" + good).json();
		assertThat(goodSource.get("lastError").isNull()).isTrue();
		assertThat(goodSource.get("lastNew").asInt()).isEqualTo(countItems());
	}

	@Test
	void csvFilesDroppedInTheSourcesFolderAreTakenOnceAndJsonIsReadThroughTheFieldMapping() throws Exception {
		String organisation = directory.organisation("PLATFORM", "MY");
		String moderator = directory.tokenFor(directory.account(organisation, "MODERATOR"));
		String folder = "board-" + UUID.randomUUID().toString().substring(0, 8);
		java.nio.file.Path dir = java.nio.file.Files.createDirectories(settings.csvRoot().resolve(folder));
		java.nio.file.Files.writeString(dir.resolve("jobs.csv"), "id,title,description,contact\n"
				+ "1,Typing job,\"Free visa, apply now\",Telegram @csvjobs1\n2,Cook,Kitchen work,+60 12 345 6789\n");
		String csv = add(moderator, "Drop", "CSV", folder).get("id").asString();
		JsonNode first = api.post(moderator, "/api/v1/recruitment/sources/" + csv + "/poll", Map.of()).json();
		assertThat(first.get("added").asInt()).as(first.toString()).isEqualTo(2);
		assertThat(first.get("flagged").asInt()).isEqualTo(1);
		assertThat(api.post(moderator, "/api/v1/recruitment/sources/" + csv + "/poll", Map.of()).json().get("added")
				.asInt()).as("the same rows are not taken twice").isZero();

		var json = api.post(moderator, "/api/v1/recruitment/sources", Map.of("name", "Endpoint", "kind", "JSON",
				"location", feeds.url("/jobs.json"), "fieldMapping", Map.of("items", "data.jobs", "id", "job_id",
						"title", "name", "description", "text")));
		assertThat(json.status()).as(json.body()).isEqualTo(201);
		JsonNode polled = api.post(moderator, "/api/v1/recruitment/sources/" + json.json().get("id").asString()
				+ "/poll", Map.of()).json();
		assertThat(polled.get("added").asInt()).as(polled.toString()).isEqualTo(2);
		assertThat(polled.get("flagged").asInt()).isEqualTo(1);
	}

	@Test
	void aBadSourceIsRefusedByFieldAndNothingIsStored() {
		String organisation = directory.organisation("PLATFORM", "ID");
		String admin = directory.tokenFor(directory.account(organisation, "ORG_ADMIN"));
		var reply = api.post(admin, "/api/v1/recruitment/sources", Map.of("name", "", "kind", "FTP", "location",
				"x", "intervalMinutes", 0));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.body()).contains("\"name\"", "\"kind\"", "\"intervalMinutes\"");
		var csv = api.post(admin, "/api/v1/recruitment/sources", Map.of("name", "Drop", "kind", "CSV", "location",
				"../../etc"));
		assertThat(csv.status()).isEqualTo(400);
		assertThat(csv.body()).contains("\"location\"");
		assertThat(api.get(admin, "/api/v1/recruitment/sources").json().size()).isZero();
	}

	@Test
	void anotherOrganisationCannotSeeOrPollASourceAndAnalystsMayNotKeepSources() {
		String owner = directory.tokenFor(directory.account(directory.organisation("PLATFORM", "ID"), "MODERATOR"));
		String source = add(owner, "Board", "FEED", feeds.url("/feed.xml")).get("id").asString();
		String stranger = directory.tokenFor(directory.account(directory.organisation("PLATFORM", "ID"), "MODERATOR"));
		assertThat(api.get(stranger, "/api/v1/recruitment/sources/" + source).status()).isEqualTo(404);
		assertThat(api.post(stranger, "/api/v1/recruitment/sources/" + source + "/poll", Map.of()).status())
				.isEqualTo(404);
		String analyst = directory.tokenFor(directory.account(directory.organisation("PLATFORM", "ID"), "ANALYST"));
		assertThat(api.get(analyst, "/api/v1/recruitment/sources").status()).isEqualTo(403);
	}

	private JsonNode add(String token, String name, String kind, String location) {
		var reply = api.post(token, "/api/v1/recruitment/sources", Map.of("name", name, "kind", kind, "location",
				location, "intervalMinutes", 60));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json();
	}

	/** The feed is shared by the tests of this class: count what it serves now. */
	private int countItems() {
		return feeds.size();
	}
}
