package org.tipx.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser: an officer overrides a screening's outcome with a written reason and sees both
 * outcomes; issues the non-punishment letter; and a border officer, not logged in, checks the letter's code on the
 * verification page, including a mistyped one.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningResultBrowserTests {

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

	String screening(String officer) {
		var reply = fixtures.api.post(fixtures.tokenFor(officer), "/api/v1/screenings", Map.of("formId",
				"tipx-screening", "language", "en", "answers", Map.of("nationality", "ID", "age_band", "35_44", "A3",
						"yes", "B1", "yes", "E1", "yes", "full_name", "Ayu Lestari"),
				"consent", Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", false,
						"research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	@Test
	void anOfficerOverridesTheOutcomeWithAReasonAndBothOutcomesStay() {
		String officer = fixtures.account(fixtures.organisation("BORDER_IMMIGRATION", "MY"), "SCREENER");
		String id = screening(officer);
		browser.logIn(officer, Fixtures.PASSWORD).visit("/screenings/" + id);
		assertThat(browser.text("#computed-outcome")).contains("Presumed victim");
		assertThat(browser.text("#final-outcome")).contains("not decided yet");

		new Select(browser.field("override-outcome")).selectByValue("POSSIBLE_VICTIM");
		browser.field("override-reason-input").sendKeys("short");
		browser.clickThrough(browser.field("override"));
		assertThat(browser.text("[role=alert]")).contains("reason");
		assertThat(browser.text("#final-outcome")).contains("not decided yet");

		new Select(browser.field("override-outcome")).selectByValue("POSSIBLE_VICTIM");
		browser.field("override-reason-input").clear();
		browser.field("override-reason-input").sendKeys("She was moved by her cousin; a specialist must assess.");
		browser.clickThrough(browser.field("override"));

		assertThat(browser.text("#notice")).contains("overridden");
		assertThat(browser.text("#computed-outcome")).contains("Presumed victim");
		assertThat(browser.text("#final-outcome")).contains("Possible victim").contains("overridden by " + officer);
		assertThat(browser.text("#override-reason")).contains("a specialist must assess");
	}

	@Test
	void aBorderOfficerVerifiesTheLetterWithoutLoggingInAndAMistypedCodeIsRefused() {
		String officer = fixtures.account(fixtures.organisation("CONSULATE", "ID"), "SCREENER");
		String id = screening(officer);
		browser.logIn(officer, Fixtures.PASSWORD).visit("/screenings/" + id);
		browser.clickThrough(browser.field("confirm"));
		new Select(browser.field("letter-language")).selectByValue("id");
		browser.clickThrough(browser.field("issue-letter"));
		assertThat(browser.text("#notice")).contains("letter is issued");
		String code = browser.find(".letters li").getAttribute("data-code");

		browser.forget();
		browser.visit("/verify");
		browser.field("code").sendKeys(code);
		browser.clickThrough(browser.find("main form button[type=submit]"));
		assertThat(browser.find("#verdict").getAttribute("data-status")).isEqualTo("CURRENT");
		assertThat(browser.text("#verdict")).contains("Genuine and current").doesNotContain("Ayu");

		String mistyped = code.substring(0, 5) + (code.charAt(5) == 'A' ? 'B' : 'A') + code.substring(6);
		browser.visit("/verify");
		browser.field("code").sendKeys(mistyped);
		browser.clickThrough(browser.find("main form button[type=submit]"));
		assertThat(browser.find("#verdict").getAttribute("data-status")).isEqualTo("INVALID");
		assertThat(browser.text("#verdict")).contains("not valid");
	}
}
