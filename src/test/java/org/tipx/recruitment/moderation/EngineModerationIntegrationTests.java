package org.tipx.recruitment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jsoup.nodes.Element;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.recruitment.monitoring.FeedServer;

import tools.jackson.databind.JsonNode;

/**
 * With the real scoring engine: a scam-compound ad in Bahasa Indonesia from a feed is flagged, reaches the queue, and
 * every piece of evidence the posting page marks is text of the original posting; an ordinary ad is not queued.
 */
@TipxIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineModerationIntegrationTests {

	@LocalServerPort
	int port;

	FeedServer feeds;

	@BeforeAll
	void start() throws Exception {
		feeds = FeedServer.start();
	}

	@AfterAll
	void stop() {
		feeds.close();
	}

	@Test
	void aScamAdFromAFeedIsFlaggedByTheEngineAndItsEvidenceIsMarkedInTheOriginalText() {
		Api api = new Api(port);
		Fixtures directory = new Fixtures(api);
		String username = directory.account(directory.organisation("PLATFORM", "ID"), "MODERATOR");
		String token = directory.tokenFor(username);
		String feed = UUID.randomUUID().toString();
		String scam = "Lowongan customer service di Sihanoukville, Kamboja. Gaji 25 juta per bulan, tanpa pengalaman,"
				+ " tiket pesawat dan visa gratis. Hubungi Telegram @kerja_cepat88 sekarang, berangkat minggu ini!";
		feeds.item(feed, UUID.randomUUID().toString(), "Kerja di luar negeri, gaji besar", scam);
		feeds.item(feed, UUID.randomUUID().toString(), "Staf akuntansi di Surabaya",
				"Dibutuhkan staf akuntansi berpengalaman 3 tahun, lamaran dikirim ke kantor HRD kami.");
		var source = api.post(token, "/api/v1/recruitment/sources", Map.of("name", "Board", "kind", "FEED",
				"location", feeds.url("/feeds/" + feed + ".xml")));
		assertThat(source.status()).as(source.body()).isEqualTo(201);
		JsonNode outcome = api.post(token, "/api/v1/recruitment/sources/" + source.json().get("id").asString()
				+ "/poll", Map.of()).json();
		assertThat(outcome.get("added").asInt()).as(outcome.toString()).isEqualTo(2);
		assertThat(outcome.get("flagged").asInt()).isEqualTo(1);

		Visitor visitor = new Visitor(port);
		visitor.logIn(username, Fixtures.PASSWORD);
		Visitor.Page queue = visitor.get("/moderation");
		assertThat(queue.html().select("#queue .queue-entry")).hasSize(1);
		assertThat(queue.text("#queue .queue-entry a")).isEqualTo("Kerja di luar negeri, gaji besar");
		Visitor.Page posting = visitor.get(queue.html().select("#queue .queue-entry a").attr("href"));
		assertThat(posting.html().select("mark.evidence")).isNotEmpty()
				.allSatisfy((Element mark) -> assertThat(scam + "Kerja di luar negeri, gaji besar").contains(mark.text()));
		assertThat(posting.html().select("#field-description mark.evidence").eachText())
				.anySatisfy(text -> assertThat(text).containsIgnoringCase("telegram"));
	}
}
