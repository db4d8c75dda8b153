package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.web.SignalWork.Agency;

/**
 * In a real (headless) browser: a second organisation records on the report page that it froze a reported wallet,
 * and the reporting organisation then sees that outcome, with who recorded it, the date and the note, on its own
 * report page.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SightingsBrowserTests {

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
	void aSecondOrganisationRecordsAFrozenWalletAndTheReportingOrganisationSeesItOnItsReport() {
		SignalWork work = new SignalWork(new Api(port));
		Agency cambodia = work.agency("KH");
		Agency thailand = work.agency("TH");
		String report = work.report(cambodia, "AMBER", SignalWork.wallet(), thailand.organisationId());
		String indicator = work.api.get(cambodia.token(), "/api/v1/signals/reports/" + report).json()
				.get("indicators").get(0).get("id").asString();
		String thaiName = work.api.get(work.directory.admin, "/api/v1/organisations/" + thailand.organisationId())
				.json().get("name").asString();
		String section = "#sightings-" + indicator;

		browser.forget();
		browser.logIn(thailand.analyst(), Fixtures.PASSWORD).visit("/signals/reports/" + report);
		assertThat(browser.findAll(section + " table.sightings")).isEmpty();
		new Select(browser.find(section + " select.sighting-kind-choice")).selectByValue("WALLET_FROZEN");
		WebElement date = browser.find(section + " input.sighting-date-input");
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-11-20';", date);
		browser.find(section + " input.sighting-note-input").sendKeys("Frozen at the exchange on our request");
		browser.clickThrough(browser.find(section + " form.sighting-form button[type=submit]"));
		assertThat(browser.text("#notice")).isEqualTo("Recorded: Wallet frozen.");
		assertThat(browser.text(section + " .sighting-kind")).isEqualTo("Wallet frozen");

		browser.forget();
		browser.logIn(cambodia.analyst(), Fixtures.PASSWORD).visit("/signals/reports/" + report);
		String row = section + " table.sightings tbody tr";
		assertThat(browser.findAll(row)).hasSize(1);
		assertThat(browser.text(row + " .sighting-organisation")).isEqualTo(thaiName);
		assertThat(browser.text(row + " .sighting-kind")).isEqualTo("Wallet frozen");
		assertThat(browser.find(row + " .sighting-date time").getAttribute("datetime")).isEqualTo("2026-11-20T00:00:00Z");
		assertThat(browser.text(row + " .sighting-note")).isEqualTo("Frozen at the exchange on our request");
		assertThat(browser.text(section + " .sighting-counts")).isEqualTo("Wallet frozen: 1");
	}

	@Test
	void aDateInTheFutureIsRefusedBesideTheIndicatorAndNothingIsRecorded() {
		SignalWork work = new SignalWork(new Api(port));
		Agency cambodia = work.agency("KH");
		Agency thailand = work.agency("TH");
		String report = work.report(cambodia, "AMBER", SignalWork.wallet(), thailand.organisationId());
		String indicator = work.api.get(cambodia.token(), "/api/v1/signals/reports/" + report).json()
				.get("indicators").get(0).get("id").asString();
		String section = "#sightings-" + indicator;

		browser.forget();
		browser.logIn(thailand.analyst(), Fixtures.PASSWORD).visit("/signals/reports/" + report);
		WebElement date = browser.find(section + " input.sighting-date-input");
		((JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].removeAttribute('max'); arguments[0].value = '2099-01-01';", date);
		browser.clickThrough(browser.find(section + " form.sighting-form button[type=submit]"));

		assertThat(browser.text(section + " .sighting-refused")).startsWith("Not recorded. Date:")
				.contains("must not be in the future");
		assertThat(browser.findAll(section + " table.sightings")).isEmpty();
		assertThat(work.api.get(cambodia.token(), "/api/v1/signals/indicators/" + indicator + "/sightings").json()
				.get("sightings").size()).isZero();
	}
}
