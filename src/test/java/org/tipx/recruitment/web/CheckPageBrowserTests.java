package org.tipx.recruitment.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser: a moderator pastes a posting and sees the score, the flag, the language and the
 * reasons, with the evidence highlighted as written; markup in the posting stays text; the page speaks Indonesian.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckPageBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	String moderator;

	@BeforeAll
	void chromium() {
		browser = Browser.open(port);
		Fixtures fixtures = new Fixtures(new Api(port));
		moderator = fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "ID"), "MODERATOR");
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
	void aModeratorSeesAFlaggedPostingWithItsEvidenceHighlightedAndMarkupShownAsText() {
		browser.logIn(moderator, Fixtures.PASSWORD);
		browser.visit("/recruitment/check");
		assertThat(browser.field("title").getAttribute("value")).as("the form comes empty").isEmpty();
		browser.field("title").sendKeys("Customer service <b>Thailand</b>");
		browser.field("description").sendKeys("Salary USD 1,800, no experience needed, free flight. "
				+ "Contact T e l e g r a m now. <script>document.title='owned'</script>");
		browser.clickThrough(browser.find("#check-form button[type=submit]"));

		assertThat(browser.text("#verdict-heading")).startsWith("Flagged");
		assertThat(Double.parseDouble(browser.text("#score"))).isGreaterThan(0.5);
		assertThat(browser.text("#language")).isEqualTo("en");
		assertThat(browser.text("#reasons")).contains("messaging-app-contact", "no-experience");
		assertThat(browser.findAll("#highlighted mark")).extracting(m -> m.getText())
			.contains("T e l e g r a m", "no experience needed", "USD 1,800");
		assertThat(browser.text("#highlighted")).contains("<script>document.title='owned'</script>");
		assertThat(browser.driver().getTitle()).doesNotContain("owned");
		assertThat(browser.field("title").getAttribute("value")).as("the form gives back what was typed")
				.isEqualTo("Customer service <b>Thailand</b>");
	}

	@Test
	void theCheckSpeaksIndonesianAndNamesTheMissingField() {
		browser.logIn(moderator, Fixtures.PASSWORD);
		browser.visit("/recruitment/check?lang=id");
		assertThat(browser.text("h1")).isEqualTo("Periksa lowongan kerja");
		browser.clickThrough(browser.find("#check-form button[type=submit]"));
		assertThat(browser.text("#problem")).startsWith("Lowongan tidak dapat diperiksa").contains("title");
	}
}
