package org.tipx.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * In a real (headless) browser, the result page's forms help: an override without an outcome chosen is named next to
 * the field, which takes the focus; void asks first and says the letters will be withdrawn; a notification, once
 * sent, says so and to whom instead of offering itself again; and the interview's quick exit ends the session.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningFormsBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	Fixtures fixtures;

	@BeforeAll
	void chromium() {
		browser = Browser.open(port);
	}

	@BeforeEach
	void aNewVisitor() {
		browser.forget();
		fixtures = new Fixtures(new Api(port));
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.close();
		}
	}

	String screening(String officer, String nationality, boolean share) {
		var reply = fixtures.api.post(fixtures.tokenFor(officer), "/api/v1/screenings", Map.of("formId",
				"tipx-screening", "language", "en", "answers", Map.of("nationality", nationality, "age_band", "35_44",
						"A3", "yes", "B1", "yes", "E1", "yes", "full_name", "Ayu Lestari"),
				"consent", Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", share,
						"research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	String focused() {
		return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.id;");
	}

	@Test
	void anOverrideWithoutAChosenOutcomeIsNamedNextToTheField() {
		String officer = fixtures.account(fixtures.organisation("BORDER_IMMIGRATION", "MY"), "SCREENER");
		String id = screening(officer, "ID", false);
		browser.logIn(officer, Fixtures.PASSWORD).visit("/screenings/" + id);
		assertThat(new Select(browser.field("override-outcome")).getFirstSelectedOption().getAttribute("value"))
				.as("no outcome chosen beforehand").isEmpty();

		browser.field("override-reason-input").sendKeys("She was moved by her cousin; a specialist must assess.");
		browser.clickThrough(browser.field("override"));

		WebElement error = browser.field("override-outcome-error");
		assertThat(error.getText()).isEqualTo("Choose the outcome you decide on.");
		assertThat(error.findElement(org.openqa.selenium.By.xpath("..")).findElements(
				org.openqa.selenium.By.id("override-outcome"))).as("in the field's own box").hasSize(1);
		assertThat(focused()).as("the page goes to the first error").isEqualTo("override-outcome");
		assertThat(browser.field("override-reason-input").getAttribute("value"))
				.as("the reason written is kept").contains("a specialist must assess");
		assertThat(browser.text("#final-outcome")).contains("not decided yet");
	}

	@Test
	void voidAsksFirstAndSaysTheLettersWillBeWithdrawn() {
		String officer = fixtures.account(fixtures.organisation("CONSULATE", "ID"), "SCREENER");
		String id = screening(officer, "ID", false);
		browser.logIn(officer, Fixtures.PASSWORD).visit("/screenings/" + id);
		browser.clickThrough(browser.field("confirm"));
		browser.clickThrough(browser.field("issue-letter"));
		assertThat(browser.text(".letters li")).contains("current");

		browser.field("void-reason").sendKeys("Recorded twice by mistake at the desk.");
		browser.clickThrough(browser.field("void"));
		assertThat(browser.text("h1")).isEqualTo("Void this screening?");
		assertThat(browser.text("#void-letters")).contains("letter will be withdrawn");
		browser.clickThrough(browser.field("cancel-void"));
		assertThat(browser.findAll("#voided")).as("nothing voided without confirming").isEmpty();

		browser.field("void-reason").sendKeys("Recorded twice by mistake at the desk.");
		browser.clickThrough(browser.field("void"));
		browser.clickThrough(browser.field("confirm-void"));
		assertThat(browser.text("#voided")).contains("Recorded twice by mistake");
		assertThat(browser.text(".letters li")).contains("withdrawn");
	}

	@Test
	void aNotificationOnceSentSaysSoAndToWhom() {
		String officer = fixtures.account(fixtures.organisation("CONSULATE", "MY"), "SCREENER");
		String focalOrganisation = fixtures.organisation("GOVERNMENT", "LA");
		fixtures.account(focalOrganisation, "FOCAL_POINT");
		String focalName = fixtures.api.get(fixtures.admin, "/api/v1/organisations/" + focalOrganisation).json()
				.get("name").asString();
		String id = screening(officer, "LA", true);
		browser.logIn(officer, Fixtures.PASSWORD).visit("/screenings/" + id);
		browser.clickThrough(browser.field("notify"));

		assertThat(browser.text("#notified")).startsWith("Notified on");
		assertThat(browser.text("#notified-to")).contains(focalName);
		assertThat(browser.findAll("#notify")).as("no button to notify again").isEmpty();
		browser.visit("/screenings/" + id);
		assertThat(browser.text("#notified-to")).contains(focalName);
		assertThat(browser.findAll("#notify")).isEmpty();
	}

	@Test
	void theQuickExitEndsTheSession() {
		String officer = fixtures.account(fixtures.organisation("CONSULATE", "ID"), "SCREENER");
		browser.logIn(officer, Fixtures.PASSWORD).visit("/screenings/new");
		new Select(browser.field("intervieweeLanguage")).selectByValue("id");
		browser.clickThrough(browser.find("#begin"));
		assertThat(browser.path()).startsWith("/screenings/drafts/");

		browser.find("#quick-exit").click();
		browser.waitFor(d -> browser.path().startsWith("/login"));
		assertThat(browser.findAll("#quick-exit")).isEmpty();
		browser.visit("/screenings");
		assertThat(browser.path()).as("the next person at the tablet must log in").startsWith("/login");
	}
}
