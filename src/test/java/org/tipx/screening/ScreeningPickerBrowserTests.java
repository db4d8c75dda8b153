package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser: the officer picks the person's nationality by typing its name and the country where
 * they were held as a lower-case code, finishes the interview, and the result page shows words, not codes.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningPickerBrowserTests {

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

	JavascriptExecutor js() {
		return (JavascriptExecutor) browser.driver();
	}

	void settle() {
		browser.waitFor(d -> Boolean.TRUE.equals(js().executeScript(
				"return document.querySelectorAll('.htmx-request, .htmx-swapping, .htmx-settling').length === 0")));
	}

	/** Clicks Next and waits for the next group's title. */
	void next() {
		String before = browser.text(".group-title .officer");
		browser.find("#next").click();
		browser.waitFor(d -> {
			Object title = js().executeScript(
					"var t = document.querySelector('.group-title .officer'); return t && t.textContent.trim();");
			return title != null && !before.equals(title);
		});
		settle();
	}

	/** Types into a field and leaves it, as an officer does; waits until the answer is saved and shown again. */
	void type(String field, String text) {
		browser.field(field).sendKeys(text, Keys.TAB);
		settle();
	}

	@Test
	void anOfficerPicksTheNationalityByTypingItsNameAndTheResultShowsWords() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String officer = fixtures.account(fixtures.organisation("CONSULATE", "ID"), "SCREENER");
		browser.logIn(officer, Fixtures.PASSWORD).visit("/screenings/new");
		new Select(browser.field("officerLanguage")).selectByValue("en");
		new Select(browser.field("intervieweeLanguage")).selectByValue("en");
		browser.find("label[for=interpreter-none]").click();
		browser.clickThrough(browser.find("#begin"));

		for (String consent : new String[] { "assistance-no", "referral-no", "shareWithCountryOfNationality-no",
				"research-no" }) {
			browser.find("label[for=" + consent + "]").click();
			settle();
		}
		next();

		assertThat(browser.field("nationality").getAttribute("list")).isEqualTo("nationality-choices");
		assertThat(browser.findAll("#nationality-choices option[value='Indonesia']")).hasSize(1);
		type("nationality", "Indonesia");
		type("country_held", "kh");
		browser.find("label[for=age_band-25_34]").click();
		settle();
		browser.find("label[for=gender-FEMALE]").click();
		settle();
		assertThat(browser.field("nationality").getAttribute("value")).as("saved, and shown by name").isEqualTo("Indonesia");
		assertThat(browser.field("country_held").getAttribute("value")).as("a lower-case code read as the country")
				.isEqualTo("Cambodia");
		assertThat(browser.findAll("#nationality-error")).isEmpty();

		while (!browser.findAll("#next").isEmpty()) {
			next();
		}
		browser.find("#finish").click();
		browser.waitFor(d -> browser.path().matches("/screenings/[0-9a-f-]{36}"));

		assertThat(browser.text("#profile dd[data-field=nationality]")).isEqualTo("Indonesia");
		assertThat(browser.text("#profile dd[data-field=country_held]")).isEqualTo("Cambodia");
		assertThat(browser.text("#profile dd[data-field=age_band]")).isEqualTo("25–34 years");
		assertThat(browser.text("#profile dd[data-field=gender]")).isEqualTo("Female");
		assertThat(browser.text("main")).doesNotContain("25_34").doesNotContain("FEMALE");
		assertThat(browser.text("#inconclusive")).as("no indicator question was answered").contains("inconclusive");
		assertThat(browser.text("li[data-rule=no-indicators]")).contains("Indicator questions answered: 0");
	}
}
