package org.tipx.recruitment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.recruitment.monitoring.FeedServer;
import org.tipx.recruitment.monitoring.RuleScorer;

/**
 * In a real (headless) browser: a moderator adds a feed on the sources page and polls it now, finds the flagged
 * posting in the queue with the evidence marked in its text (and the script in its title shown as text), decides it is
 * fraud and files it to the signal exchange; the pages speak Bahasa Indonesia when chosen.
 */
@TipxIntegrationTest
@Import(RuleScorer.class)
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	FeedServer feeds;

	@BeforeAll
	void start() throws Exception {
		browser = Browser.open(port);
		feeds = FeedServer.start();
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.close();
		}
		if (feeds != null) {
			feeds.close();
		}
	}

	@Test
	void aModeratorSeesAFlaggedPostingFromAFeedWithItsEvidenceDecidesFraudAndFilesIt() {
		Fixtures directory = new Fixtures(new Api(port));
		String moderator = directory.account(directory.organisation("PLATFORM", "ID"), "MODERATOR");
		String feed = UUID.randomUUID().toString();
		feeds.item(feed, UUID.randomUUID().toString(), "<b>Typing</b> job <script>document.title='owned'</script>",
				"Free visa to Bavet. Apply via Telegram @bavet_jobs77 now.");

		browser.forget();
		browser.logIn(moderator, Fixtures.PASSWORD).visit("/moderation/sources");
		browser.field("name").sendKeys("Job board");
		new Select(browser.field("kind")).selectByValue("FEED");
		browser.field("location").sendKeys(feeds.url("/feeds/" + feed + ".xml"));
		browser.clickThrough(browser.find("#add-source"));
		assertThat(browser.text("#notice")).isEqualTo("Source “Job board” added.");
		browser.clickThrough(browser.find("#sources .poll-now"));
		assertThat(browser.text("#notice")).isEqualTo("Polled: 1 new postings, 1 flagged.");
		assertThat(browser.text("#sources .last-new")).isEqualTo("1 new");

		browser.visit("/moderation");
		assertThat(browser.driver().getTitle()).doesNotContain("owned");
		assertThat(browser.text("#queue .queue-entry a")).contains("<script>");
		browser.clickThrough(browser.find("#queue .queue-entry a"));
		assertThat(browser.text("#field-description mark.evidence")).isEqualTo("Telegram");
		assertThat(browser.text("#field-title")).startsWith("<b>Typing</b> job");

		browser.find("#label-FRAUD").click();
		browser.field("note").sendKeys("Bavet handle");
		browser.clickThrough(browser.find("#decide"));
		assertThat(browser.text("#notice")).isEqualTo("Recorded: fraud.");
		assertThat(browser.text("#contacts")).contains("@bavet_jobs77");
		assertThat(new Select(browser.field("tlp")).getFirstSelectedOption().getText()).isEqualTo("AMBER");
		browser.clickThrough(browser.find("#file"));
		assertThat(browser.text("#notice")).startsWith("Filed as signal report ");
		assertThat(browser.findAll("#filing")).isEmpty();
		assertThat(browser.text("#decisions .filed")).startsWith("filed as signal report");

		browser.visit("/moderation?lang=id");
		assertThat(browser.language()).isEqualTo("id");
		assertThat(browser.text("h1")).isEqualTo("Lowongan kerja yang ditandai");
		browser.visit("/moderation/sources?lang=id");
		assertThat(browser.text("h1")).isEqualTo("Sumber lowongan kerja");
		browser.visit("/moderation?lang=en");
	}
}
