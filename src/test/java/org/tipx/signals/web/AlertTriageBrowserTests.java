package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.web.SignalWork.Agency;

/**
 * In a real (headless) browser: a focal point acknowledges an alert and then closes it with two distinct buttons,
 * the row saying who acknowledged it throughout, and the quick filters show only new or only acknowledged alerts;
 * an analyst's report form shows recipients only for AMBER and RED (the sharing group only for AMBER), and a RED
 * report filed with one organisation chosen reaches that organisation only.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertTriageBrowserTests {

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
	void aFocalPointAcknowledgesThenClosesAnAlertWithDistinctButtonsAndFiltersByState() {
		SignalWork work = new SignalWork(new Api(port));
		Agency cambodia = work.agency("KH");
		Agency thailand = work.agency("TH");
		String wallet = SignalWork.wallet();
		work.report(cambodia, "AMBER", wallet, thailand.organisationId());
		String acknowledged = work.alertOn(cambodia, work.report(thailand, "AMBER", wallet, cambodia.organisationId()))
				.get("id").asString();
		String other = SignalWork.wallet();
		work.report(cambodia, "AMBER", other, thailand.organisationId());
		String untouched = work.alertOn(cambodia, work.report(thailand, "AMBER", other, cambodia.organisationId()))
				.get("id").asString();
		String focalPoint = work.directory.account(cambodia.organisationId(), "FOCAL_POINT");
		String row = "#alert-" + acknowledged;

		browser.forget();
		browser.logIn(focalPoint, Fixtures.PASSWORD).visit("/signals/alerts");
		assertThat(texts(row + " form.triage button")).containsExactly("Acknowledge", "Close");
		assertThat(browser.text(row)).doesNotContain("Acknowledged by");

		browser.find(row + " .triage-ACKNOWLEDGED").click();
		browser.waitFor(d -> browser.text("#notice").endsWith("is acknowledged."));
		assertThat(browser.text(row + " .alert-state .state")).isEqualTo("Acknowledged");
		assertThat(browser.text(row + " .alert-state .acknowledged")).startsWith("Acknowledged by " + focalPoint);
		assertThat(texts(row + " form.triage button")).containsExactly("Reopen", "Close");

		browser.find(row + " .triage-CLOSED").click();
		browser.waitFor(d -> browser.text("#notice").endsWith("is closed."));
		assertThat(browser.text(row + " .alert-state .state")).isEqualTo("Closed");
		assertThat(browser.text(row + " .alert-state .acknowledged")).startsWith("Acknowledged by " + focalPoint);
		assertThat(texts(row + " form.triage button")).containsExactly("Reopen", "Acknowledge");
		browser.find(row + " .triage-ACKNOWLEDGED").click();
		browser.waitFor(d -> browser.text(row + " .alert-state .state").equals("Acknowledged"));

		browser.clickThrough(browser.find(".quick-filters a.filter-NEW"));
		assertThat(browser.path()).isEqualTo("/signals/alerts?state=NEW");
		assertThat(browser.findAll("#alert-" + untouched)).hasSize(1);
		assertThat(browser.findAll(row)).isEmpty();
		browser.clickThrough(browser.find(".quick-filters a.filter-ACKNOWLEDGED"));
		assertThat(browser.findAll(row)).hasSize(1);
		assertThat(browser.findAll("#alert-" + untouched)).isEmpty();
		assertThat(browser.text(".quick-filters a[aria-current=page]")).isEqualTo("Acknowledged");
	}

	@Test
	void theReportFormAsksForRecipientsOnlyForAmberAndRedAndARedReportReachesOnlyThem() {
		SignalWork work = new SignalWork(new Api(port));
		Agency cambodia = work.agency("KH");
		Agency thailand = work.agency("TH");
		Agency laos = work.agency("LA");
		String groupName = Fixtures.unique("Mekong desk");
		work.api.post(work.directory.admin, "/api/v1/sharing-groups", Map.of("name", groupName, "organisationIds",
				List.of(cambodia.organisationId(), laos.organisationId())));

		browser.forget();
		browser.logIn(cambodia.analyst(), Fixtures.PASSWORD).visit("/signals/reports/new");
		Select tlp = new Select(browser.field("tlp"));
		tlp.selectByValue("GREEN");
		assertThat(browser.field("recipients").isDisplayed()).isFalse();
		tlp.selectByValue("AMBER");
		assertThat(browser.field("recipients").isDisplayed()).isTrue();
		assertThat(browser.field("sharingGroupId").isDisplayed()).isTrue();
		tlp.selectByValue("RED");
		assertThat(browser.field("recipients").isDisplayed()).isTrue();
		assertThat(browser.field("sharingGroupId").isDisplayed()).as("a group does not count for RED").isFalse();

		String title = Fixtures.unique("Red compound");
		browser.field("title").sendKeys(title);
		new Select(browser.field("category")).selectByValue("SCAM_COMPOUND");
		new Select(browser.field("recipients")).selectByValue(thailand.organisationId());
		WebElement row = browser.find(".indicator-row");
		new Select(row.findElement(org.openqa.selenium.By.cssSelector("select.indicator-type")))
				.selectByValue("crypto_address");
		row.findElement(org.openqa.selenium.By.cssSelector("input.indicator-value")).sendKeys(SignalWork.wallet());
		browser.clickThrough(browser.find("#report-form button[type=submit]"));

		assertThat(browser.text("h1")).isEqualTo(title);
		String id = browser.path().replaceAll("^.*/", "");
		assertThat(work.api.get(thailand.token(), "/api/v1/signals/reports/" + id).status()).isEqualTo(200);
		assertThat(work.api.get(laos.token(), "/api/v1/signals/reports/" + id).status()).isEqualTo(404);
	}

	private List<String> texts(String selector) {
		return browser.findAll(selector).stream().map(WebElement::getText).toList();
	}
}
