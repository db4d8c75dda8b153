package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

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

import tools.jackson.databind.JsonNode;

/**
 * In a real (headless) browser: a focal point goes from the alerts page to the subscription page, chooses what the
 * organisation is alerted about, and sees it kept; a refused field is shown beside it and nothing changes; an
 * analyst is not offered the page.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertSubscriptionBrowserTests {

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
	void aFocalPointChoosesWhatTheOrganisationIsAlertedAboutOnThePage() {
		SignalWork work = new SignalWork(new Api(port));
		Agency indonesia = work.agency("ID");
		String focalPoint = work.directory.account(indonesia.organisationId(), "FOCAL_POINT");

		browser.forget();
		browser.logIn(indonesia.analyst(), Fixtures.PASSWORD).visit("/signals/alerts");
		assertThat(browser.findAll("#subscription-link")).as("only focal points choose").isEmpty();

		browser.forget();
		browser.logIn(focalPoint, Fixtures.PASSWORD).visit("/signals/alerts");
		browser.clickThrough(browser.find("#subscription-link"));
		assertThat(browser.path()).isEqualTo("/signals/alerts/subscription");
		assertThat(browser.text("#countries-hint")).contains("(ID), your own country, is always followed");

		WebElement size = browser.field("minNetworkSize");
		size.clear();
		size.sendKeys("0");
		browser.clickThrough(browser.find("#subscription-form button[type=submit]"));
		assertThat(browser.text("#minNetworkSize-error")).contains("at least 1");
		assertThat(browser.field("minNetworkSize").getAttribute("aria-invalid")).isEqualTo("true");

		new Select(browser.field("countries")).selectByValue("KH");
		browser.field("category-MONEY_MULE").click();
		size = browser.field("minNetworkSize");
		size.clear();
		size.sendKeys("3");
		new Select(browser.field("tlpFloor")).selectByValue("AMBER");
		browser.field("digest-DAILY").click();
		browser.clickThrough(browser.find("#subscription-form button[type=submit]"));

		assertThat(browser.text("#notice")).contains("alert subscription is saved");
		assertThat(new Select(browser.field("countries")).getAllSelectedOptions().stream()
				.map(o -> o.getAttribute("value"))).containsExactly("KH");
		assertThat(browser.field("category-MONEY_MULE").isSelected()).isTrue();
		assertThat(browser.field("category-SCAM_COMPOUND").isSelected()).isFalse();
		assertThat(browser.field("minNetworkSize").getAttribute("value")).isEqualTo("3");
		assertThat(browser.field("digest-DAILY").isSelected()).isTrue();

		JsonNode stored = work.api.get(work.directory.tokenFor(focalPoint), "/api/v1/signals/alert-subscription")
				.json();
		assertThat(stored.get("countries").valueStream().map(JsonNode::asString)).containsExactly("ID", "KH");
		assertThat(stored.get("categories").valueStream().map(JsonNode::asString)).containsExactly("MONEY_MULE");
		assertThat(stored.get("minNetworkSize").asInt()).isEqualTo(3);
		assertThat(stored.get("tlpFloor").asString()).isEqualTo("AMBER");
		assertThat(stored.get("digest").asString()).isEqualTo("DAILY");

		// the alerts page now shows where the daily digests will appear
		browser.visit("/signals/alerts");
		assertThat(browser.text("#digests-heading")).isEqualTo("Daily digests (0)");
	}
}
