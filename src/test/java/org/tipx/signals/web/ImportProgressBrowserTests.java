package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser, with htmx: a file chosen and sent on the import page lands on its status page, which
 * follows the running import by itself (no reload) until it is done, then shows the counts.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
class ImportProgressBrowserTests {

	private static final int REPORTS = 400;

	@LocalServerPort
	int port;

	@Test
	void theStatusPageFollowsARunningImportUntilItIsDone(@TempDir Path folder)
			throws Exception {
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
			browser.field("file").sendKeys(file.toString());
			browser.clickThrough(browser.find("#upload button[type=submit]"));

			assertThat(browser.path()).startsWith("/signals/imports/");
			assertThat(browser.text("#notice")).isEqualTo("The file reports.csv was checked and is being imported.");
			String state = browser.text(".import-state");
			assumeTrue(state.equals("Importing") || state.equals("Reading the file"),
					"the import finished before its page was shown, so there was nothing to follow");
			WebElement page = browser.find("html");
			assertThat(browser.find("#progress").getAttribute("max")).isEqualTo("100");

			// Filing takes seconds on a busy machine, longer than Browser.waitFor allows.
			// htmx swaps the status every second, so an element found may be gone by the time it is read.
			new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
					.until(d -> browser.text(".import-state").equals("Done"));

			assertThat(page.isDisplayed()).as("the same page, updated in place").isTrue();
			assertThat(browser.text(".reports-filed")).isEqualTo(REPORTS + " of " + REPORTS);
			assertThat(browser.find("#progress").getAttribute("value")).isEqualTo("100");
			assertThat(browser.find("#import-status").getAttribute("hx-trigger")).as("polling stopped").isNull();
		}
	}
}
