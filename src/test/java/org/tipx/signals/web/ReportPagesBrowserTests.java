package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.signals.web.ReportPagesFixtures.indicator;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.web.ReportPagesFixtures.Member;

/**
 * In a real (headless) browser: an analyst files a report, watching each value's canonical form appear as it is
 * typed, and opens a report's network drawn as a graph, seeing only the reports they are entitled to.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	ReportPagesFixtures fixtures;

	@BeforeAll
	void chromium() {
		browser = Browser.open(port);
		fixtures = new ReportPagesFixtures(new Api(port));
	}

	@BeforeEach
	void aNewVisitor() {
		browser.forget();
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void anAnalystSeesEachValuesCanonicalFormAsTheyTypeAndFilesTheReport() {
		Member analyst = fixtures.member("KH", "ANALYST");
		browser.logIn(analyst.username(), Fixtures.PASSWORD);
		browser.clickThrough(browser.find("nav.navigation a[href='/signals/reports/new']"));
		assertThat(browser.text("h1")).isEqualTo("File a signal report");

		String title = Fixtures.unique("Recruiter on Telegram");
		browser.field("title").sendKeys(title);
		new Select(browser.field("category")).selectByValue("RECRUITMENT_FRAUD");
		new Select(browser.field("tlp")).selectByValue("GREEN");

		WebElement phone = rows().get(0);
		new Select(phone.findElement(By.cssSelector("select.indicator-type"))).selectByValue("phone");
		phone.findElement(By.cssSelector("input.indicator-value")).sendKeys("(012) 345-678");
		awaitPreview(0, "+85512345678");
		assertThat(preview(0).findElement(By.cssSelector(".preview__validity")).getText()).isEqualTo("Valid.");
		assertThat(preview(0).findElements(By.cssSelector(".preview__steps li"))).isNotEmpty();

		browser.find("#add-indicator").click();
		browser.waitFor(d -> rows().size() == 2);
		String handle = ReportPagesFixtures.uniqueHandle().substring("t.me/".length());
		WebElement handleRow = rows().get(1);
		new Select(handleRow.findElement(By.cssSelector("select.indicator-type"))).selectByValue("messaging_handle");
		handleRow.findElement(By.cssSelector("input.indicator-value")).sendKeys("@" + handle.toUpperCase());
		browser.waitFor(d -> preview(1).getText().contains("Choose the platform: it cannot be told from this value."));
		new Select(handleRow.findElement(By.cssSelector("select.indicator-platform"))).selectByValue("telegram");
		awaitPreview(1, "telegram:" + handle);

		browser.find("#add-indicator").click();
		browser.waitFor(d -> rows().size() == 3);
		WebElement bad = rows().get(2);
		new Select(bad.findElement(By.cssSelector("select.indicator-type"))).selectByValue("phone");
		bad.findElement(By.cssSelector("input.indicator-value")).sendKeys("+855 12 345");
		browser.waitFor(d -> preview(2).getText().startsWith("Not valid"));
		assertThat(preview(2).findElement(By.cssSelector(".preview__reason")).getText()).startsWith("Why: ")
				.hasSizeGreaterThan("Why: ".length() + 3);
		bad.findElement(By.cssSelector("button.remove-indicator")).click();
		browser.waitFor(d -> rows().size() == 2);

		browser.clickThrough(browser.find("#report-form button[type=submit]"));
		assertThat(browser.path()).matches("/signals/reports/[0-9a-f-]{36}");
		assertThat(browser.text("#notice")).isEqualTo("Report “" + title + "” filed.");
		assertThat(browser.text("h1")).isEqualTo(title);
		assertThat(browser.findAll("table.indicators tbody tr")).hasSize(2);
		assertThat(browser.text("table.indicators")).contains("+85512345678", "telegram:" + handle);
	}

	@Test
	void theNetworkShowsLinkedReportsOfOtherCountriesButNotARedReportTheViewerIsNotEntitledTo() {
		Member cambodia = fixtures.member("KH", "ANALYST");
		Member thailand = fixtures.member("TH", "INVESTIGATOR");
		Member vietnam = fixtures.member("VN", "ANALYST");
		String shared = ReportPagesFixtures.uniqueHandle();
		String ours = Fixtures.unique("Compound recruiter");
		String theirs = Fixtures.unique("Same recruiter seen in Thailand");
		String secret = Fixtures.unique("Undercover source");
		String ourId = fixtures.file(cambodia, ours, "GREEN", "KH", List.of(),
				indicator("messaging_handle", shared), indicator("person_alias", Fixtures.unique("Boss")));
		String theirId = fixtures.file(thailand, theirs, "GREEN", "TH", List.of(), indicator("messaging_handle", shared));
		fixtures.file(vietnam, secret, "RED", "VN", List.of(thailand.organisationId()),
				indicator("messaging_handle", shared));
		String canonical = "telegram:" + shared.substring("t.me/".length());

		browser.logIn(cambodia.username(), Fixtures.PASSWORD);
		browser.visit("/signals/reports/" + ourId);
		browser.waitFor(d -> "2".equals(browser.find("#network-graph").getAttribute("data-drawn")));
		assertThat(browser.findAll("#network-graph canvas")).isNotEmpty();
		assertThat(browser.findAll("#network-nodes tbody th").stream().map(WebElement::getText))
				.containsExactly(ours + "\nthis report", theirs);
		List<WebElement> edges = browser.findAll("#network-edges tbody tr");
		assertThat(edges).hasSize(1);
		assertThat(edges.get(0).getText()).contains(ours, theirs, canonical, "In " + theirs + ": " + shared);
		assertThat(browser.driver().getPageSource()).doesNotContain(secret);

		browser.forget();
		browser.logIn(thailand.username(), Fixtures.PASSWORD);
		browser.visit("/signals/reports/" + theirId);
		browser.waitFor(d -> "3".equals(browser.find("#network-graph").getAttribute("data-drawn")));
		assertThat(browser.text("#network-nodes")).contains(ours, theirs, secret);
	}

	private List<WebElement> rows() {
		return browser.findAll("#indicator-rows .indicator-row");
	}

	private WebElement preview(int row) {
		return rows().get(row).findElement(By.cssSelector(".preview"));
	}

	private void awaitPreview(int row, String canonical) {
		browser.waitFor(d -> preview(row).findElements(By.cssSelector(".preview__canonical")).stream()
				.anyMatch(e -> e.getText().equals(canonical)));
	}
}
