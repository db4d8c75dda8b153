package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.web.SignalWork.Agency;

/**
 * In a real (headless) browser, with htmx: an early-warning alert raised the real way (two agencies in different
 * countries report the same wallet) reaches the focal point's inbox with the linking value; acknowledging it updates
 * the row in place, the state filter finds it, and an organisation that may not see the reports never sees it.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertInboxBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void chromium() {
		browser = Browser.open(port);
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aFocalPointAcknowledgesACrossBorderAlertInPlaceAndOthersNeverSeeIt() {
		SignalWork work = new SignalWork(new Api(port));
		Agency cambodia = work.agency("KH");
		Agency thailand = work.agency("TH");
		Agency laos = work.agency("LA");
		String wallet = SignalWork.wallet();
		work.report(cambodia, "AMBER", wallet, thailand.organisationId());
		String crossing = work.report(thailand, "AMBER", wallet, cambodia.organisationId());
		String alert = work.alertOn(cambodia, crossing).get("id").asString();
		String row = "#alert-" + alert;
		String focalPoint = work.directory.account(cambodia.organisationId(), "FOCAL_POINT");

		browser.logIn(focalPoint, Fixtures.PASSWORD).visit("/signals/alerts");
		assertThat(((JavascriptExecutor) browser.driver()).executeScript("return typeof htmx")).isEqualTo("object");
		WebElement page = browser.find("html");
		assertThat(browser.text(row + " .values")).contains(wallet);
		assertThat(browser.text(row + " .alert-state .state")).isEqualTo("New");

		browser.field("note-" + alert).sendKeys("called the Thai focal point");
		browser.find(row + " .triage-ACKNOWLEDGED").click();
		browser.waitFor(d -> browser.text("#notice").endsWith("is acknowledged."));

		assertThat(browser.text(row + " .alert-state .state")).isEqualTo("Acknowledged");
		assertThat(browser.text(row + " .alert-state .note")).isEqualTo("called the Thai focal point");
		assertThat(browser.findAll(row + " .triage-ACKNOWLEDGED")).isEmpty();
		assertThat(browser.findAll(row + " .triage-NEW")).hasSize(1);
		assertThat(browser.path()).isEqualTo("/signals/alerts");
		assertThat(page.isDisplayed()).as("the same page, updated in place").isTrue();

		showOnly("NEW");
		assertThat(browser.findAll(row)).isEmpty();
		showOnly("ACKNOWLEDGED");
		assertThat(browser.findAll(row)).hasSize(1);
		assertThat(browser.path()).isEqualTo("/signals/alerts?state=ACKNOWLEDGED");
		assertThat(page.isDisplayed()).as("filtered in place").isTrue();

		browser.forget();
		browser.logIn(work.directory.account(laos.organisationId(), "FOCAL_POINT"), Fixtures.PASSWORD)
				.visit("/signals/alerts");
		assertThat(browser.find("h1").getText()).isEqualTo("Early-warning alerts");
		assertThat(browser.findAll(row)).isEmpty();
		assertThat(browser.driver().getPageSource()).doesNotContain(wallet, alert);
	}

	private void showOnly(String state) {
		new Select(browser.field("state")).selectByValue(state);
		WebElement before = browser.find("#alerts");
		browser.find("#alert-filter button[type=submit]").click();
		browser.waitFor(d -> isStale(before));
	}

	private static boolean isStale(WebElement element) {
		try {
			element.findElements(By.tagName("h2"));
			return false;
		}
		catch (StaleElementReferenceException gone) {
			return true;
		}
	}
}
