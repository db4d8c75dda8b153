package org.tipx.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * In a real (headless) browser: an officer finds "My screenings" from the home page, narrows the list by outcome and
 * nationality, and opens a result; no name appears in the list.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinishedScreeningsBrowserTests {

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

	String screening(String token, String nationality, boolean victim) {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", nationality, "age_band", "35_44",
				"full_name", "Ayu Lestari"));
		if (victim) {
			answers.putAll(Map.of("A3", "yes", "B1", "yes", "E1", "yes"));
		}
		var reply = fixtures.api.post(token, "/api/v1/screenings", Map.of("formId", "tipx-screening", "language",
				"en", "answers", answers, "consent", Map.of("assistance", true, "referral", true,
						"shareWithCountryOfNationality", false, "research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	@Test
	void anOfficerFiltersTheirScreeningsAndOpensAResult() {
		String organisation = fixtures.organisation("BORDER_IMMIGRATION", "MY");
		String officer = fixtures.account(organisation, "SCREENER");
		String token = fixtures.tokenFor(officer);
		String nothingFound = screening(token, "KH", false);
		String cambodian = screening(token, "KH", true);
		String filipino = screening(token, "PH", true);
		String colleagues = screening(fixtures.tokenFor(fixtures.account(organisation, "SCREENER")), "KH", true);

		browser.logIn(officer, Fixtures.PASSWORD).visit("/");
		browser.clickThrough(browser.find("a[href='/screenings/finished']"));
		assertThat(browser.text("h1")).isEqualTo("My screenings");
		assertThat(browser.findAll("#screenings tbody tr")).extracting(row -> row.getAttribute("id"))
				.containsExactly("screening-" + filipino, "screening-" + cambodian, "screening-" + nothingFound);
		assertThat(browser.text("#screenings")).doesNotContain("Ayu").contains("Cambodia").contains("Philippines")
				.contains("Not decided yet");

		new Select(browser.field("filter-outcome")).selectByValue("PRESUMED_VICTIM");
		browser.clickThrough(browser.field("apply-filters"));
		assertThat(browser.findAll("#screenings tbody tr")).extracting(row -> row.getAttribute("id"))
				.containsExactly("screening-" + filipino, "screening-" + cambodian);
		new Select(browser.field("filter-nationality")).selectByValue("KH");
		browser.clickThrough(browser.field("apply-filters"));
		assertThat(browser.findAll("#screenings tbody tr")).extracting(row -> row.getAttribute("id"))
				.containsExactly("screening-" + cambodian).doesNotContain("screening-" + colleagues);
		assertThat(new Select(browser.field("filter-outcome")).getFirstSelectedOption().getAttribute("value"))
				.as("the filters stay as chosen").isEqualTo("PRESUMED_VICTIM");

		WebElement open = browser.field("open-" + cambodian);
		browser.clickThrough(open);
		assertThat(browser.path()).isEqualTo("/screenings/" + cambodian);
		assertThat(browser.text("#computed-outcome")).contains("Presumed victim");
	}

	@Test
	void anOrganisationsAdministratorSeesOurScreenings() {
		String organisation = fixtures.organisation("BORDER_IMMIGRATION", "MY");
		String one = screening(fixtures.tokenFor(fixtures.account(organisation, "SCREENER")), "KH", true);
		String other = screening(fixtures.tokenFor(fixtures.account(organisation, "SCREENER")), "PH", false);
		String administrator = fixtures.account(organisation, "ORG_ADMIN");

		browser.logIn(administrator, Fixtures.PASSWORD).visit("/");
		browser.clickThrough(browser.find("a[href='/screenings/finished']"));
		assertThat(browser.text("h1")).isEqualTo("Our screenings");
		assertThat(browser.findAll("#screenings tbody tr")).extracting(row -> row.getAttribute("id"))
				.containsExactly("screening-" + other, "screening-" + one);
		browser.clickThrough(browser.field("open-" + one));
		assertThat(browser.text("#computed-outcome")).contains("Presumed victim");
		assertThat(browser.findAll("#override-form, #void-form, #confirm")).as("deciding is the screeners'").isEmpty();
	}
}
