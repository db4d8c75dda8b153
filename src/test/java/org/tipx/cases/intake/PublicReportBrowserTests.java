package org.tipx.cases.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The public report page on a cheap phone's screen (360 by 640): in Thai and in English, someone fills it in, the
 * page's script does the proof of work, the report is sent and a reference shown; the status page then says
 * "received", and "acknowledged" once a focal point has acknowledged it. Nothing comes from another origin.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicReportBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void phone() {
		browser = Browser.open(port, 360, 640);
		// a desktop window cannot be narrower than about 500 pixels: emulate the phone's viewport itself
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 360, "height", 640, "deviceScaleFactor", 2, "mobile", true));
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aThaiReporterSendsAReportFromAPhoneAndSeesItReceived() {
		Fixtures fixtures = new Fixtures(new Api(port));
		fixtures.account(fixtures.organisation("GOVERNMENT", "TH"), "FOCAL_POINT");
		browser.forget();
		browser.visit("/report?lang=th");

		assertThat(browser.language()).isEqualTo("th");
		assertThat(browser.text("h1")).isEqualTo("แจ้งเหตุผู้ที่ถูกกักตัวในแหล่งแก๊งคอลเซ็นเตอร์");
		assertThat(browser.text("#draft-note")).contains("ฉบับแปลร่าง")
				.contains("Draft translation awaiting review by a native speaker.");
		assertFitsTheScreenAndLoadsNothingFromElsewhere();

		String reference = send("SELF", "TH", "MM", "yes");

		assertThat(browser.language()).isEqualTo("th");
		browser.clickThrough(browser.find("#status-link"));
		assertThat(status(reference)).isEqualTo("RECEIVED");
		assertThat(browser.text("#status")).isEqualTo("ได้รับแล้ว ยังไม่มีเจ้าหน้าที่รับทราบ");
	}

	@Test
	void anEnglishReporterSeesTheReportAcknowledged() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String focalPoint = fixtures.account(fixtures.organisation("CONSULATE", "VN"), "FOCAL_POINT");
		browser.forget();
		browser.visit("/report?lang=en");
		assertThat(browser.language()).isEqualTo("en");
		assertThat(browser.findAll("#draft-note")).as("English is the source, not a draft").isEmpty();
		assertFitsTheScreenAndLoadsNothingFromElsewhere();

		String reference = send("FAMILY", "VN", "KH", "no");
		acknowledge(fixtures, focalPoint, reference);

		browser.clickThrough(browser.find("#status-link"));
		assertThat(status(reference)).isEqualTo("ACKNOWLEDGED");
		assertThat(browser.text("#status")).isEqualTo("Acknowledged by at least one official.");
	}

	/** Fills the form as a person would, sends it and waits for the page's proof of work and the reference. */
	private String send(String who, String nationality, String held, String share) {
		browser.find("#reporter-" + who).click();
		new Select(browser.field("nationality")).selectByValue(nationality);
		new Select(browser.field("countryHeld")).selectByValue(held);
		browser.field("area").sendKeys("Shwe Kokko, near the bridge");
		browser.field("compound").sendKeys("KK Park");
		browser.find("#contactWho-REPORTER").click();
		browser.field("contactChannel").sendKeys("Line: example-id");
		browser.field("safeTimes").sendKeys("22:00 to 23:00");
		browser.field("doNotCall").click();
		browser.field("whatHappened").sendKeys("Promised a job in Bangkok, taken across the river, forced to scam.");
		browser.find("#share-" + share).click();
		browser.find("#send").click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
				.until(d -> !d.findElements(By.id("reference")).isEmpty());
		String reference = browser.text("#reference");
		assertThat(reference).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]");
		return reference;
	}

	private String status(String reference) {
		browser.field("reference").sendKeys(reference);
		browser.clickThrough(browser.find("#check"));
		return browser.find("#status").getAttribute("data-status");
	}

	private void assertFitsTheScreenAndLoadsNothingFromElsewhere() {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(360);
		Number width = (Number) js.executeScript("return document.documentElement.scrollWidth");
		assertThat(width.intValue()).as("no sideways scrolling on a 360 pixel screen").isLessThanOrEqualTo(360);
		@SuppressWarnings("unchecked")
		List<String> loaded = (List<String>) js.executeScript(
				"return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
		assertThat(loaded).allMatch(url -> url.startsWith("http://localhost:" + port + "/"));
		assertThat(browser.findAll("link[rel=stylesheet], script[src^='http'], link[href^='http']")).isEmpty();
	}

	private void acknowledge(Fixtures fixtures, String focalPoint, String reference) {
		String token = fixtures.tokenFor(focalPoint);
		for (JsonNode intake : fixtures.api.get(token, "/api/v1/intakes").json()) {
			if (intake.get("reference").asString().equals(reference)) {
				assertThat(fixtures.api.post(token, "/api/v1/intakes/" + intake.get("id").asString() + "/acknowledge",
						null).status()).isEqualTo(204);
				return;
			}
		}
		throw new AssertionError("the report did not reach the focal point");
	}
}
