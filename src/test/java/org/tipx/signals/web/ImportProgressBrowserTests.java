package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser, with htmx: a file chosen and sent on the import page lands on its status page, which
 * follows the running import by itself (no reload), showing its progress bar, until it is done, then shows the counts.
 * The test holds filing back while it looks at the running import, so that even a fast machine shows it running.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
class ImportProgressBrowserTests {

	private static final int REPORTS = 400;

	/** The advisory lock that serialises filing (Correlation.LOCK): held, an import waits before its first report. */
	private static final long FILING_LOCK = 0x7469_7078_7369_676EL;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void theStatusPageFollowsARunningImportUntilItIsDone(@TempDir Path folder) throws Exception {
		SignalWork work = new SignalWork(new Api(port));
		Path file = folder.resolve("reports.csv");
		StringBuilder csv = new StringBuilder("report_key,title,category,tlp,reporter_country,observed_at,type,value\n");
		for (int i = 0; i < REPORTS; i++) {
			csv.append("r").append(i).append(",Report ").append(i).append(",SCAM_COMPOUND,GREEN,KH,2026-11-02,")
					.append("crypto_address,").append(SignalWork.wallet()).append('\n');
		}
		Files.writeString(file, csv);

		try (Browser browser = Browser.open(port)) {
			browser.logIn(work.agency("KH").analyst(), Fixtures.PASSWORD).visit("/signals/imports");
			WebElement page;
			try (Connection holder = dataSource.getConnection(); Statement sql = holder.createStatement()) {
				sql.execute("SELECT pg_advisory_lock(" + FILING_LOCK + ")");
				try {
					browser.field("file").sendKeys(file.toString());
					browser.clickThrough(browser.find("#upload button[type=submit]"));

					assertThat(browser.path()).startsWith("/signals/imports/");
					assertThat(browser.text("#notice"))
							.isEqualTo("The file reports.csv was checked and is being imported.");
					page = browser.find("html");
					// the file may still be being read when the page is first shown; htmx brings the next state
					follow(browser, "Importing");
					Element running = status(browser);
					assertThat(running.selectFirst("#progress").attr("max")).isEqualTo("100");
					assertThat(running.selectFirst("#progress").attr("value")).isEqualTo("0");
					assertThat(running.selectFirst("label[for=progress]").text())
							.isEqualTo("Filed 0 of " + REPORTS + " reports");
					assertThat(running.selectFirst(".rows-read").text()).isEqualTo(Integer.toString(REPORTS));
					assertThat(running.attr("hx-trigger")).as("polling").isEqualTo("every 1s");
				}
				finally {
					sql.execute("SELECT pg_advisory_unlock(" + FILING_LOCK + ")");
				}
			}

			follow(browser, "Done");

			assertThat(page.isDisplayed()).as("the same page, updated in place").isTrue();
			Element done = status(browser);
			assertThat(done.selectFirst(".reports-filed").text()).isEqualTo(REPORTS + " of " + REPORTS);
			assertThat(done.selectFirst("#progress").attr("value")).isEqualTo("100");
			assertThat(done.selectFirst("label[for=progress]").text())
					.isEqualTo("Filed " + REPORTS + " of " + REPORTS + " reports");
			assertThat(done.hasAttr("hx-trigger")).as("polling stopped").isFalse();
		}
	}

	/** The status block as it is now, read in one go: htmx may swap it between two reads of its elements. */
	private static Element status(Browser browser) {
		String html = (String) ((JavascriptExecutor) browser.driver())
				.executeScript("return document.getElementById('import-status').outerHTML");
		return Jsoup.parseBodyFragment(html).selectFirst("#import-status");
	}

	/** Waits until the page, swapped by htmx every second, shows {@code state}. */
	private static void follow(Browser browser, String state) {
		// Filing takes seconds on a busy machine, longer than Browser.waitFor allows; an element found may be swapped
		// out by the time it is read.
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
				.until(d -> browser.text(".import-state").equals(state));
	}
}
