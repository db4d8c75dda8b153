package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * A whole web interview in a real (headless) browser the size of a tablet held upright: both languages side by side,
 * a constraint of the form refused and fixed, a follow-up question appearing without a reload, pause and resume,
 * the quick exit (which ends the session), and the finished interview scored.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebInterviewBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void tablet() {
		browser = Browser.open(port, 820, 1180);
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

	/** Clicks and waits until htmx has sent the change, saved it and put the answer back on screen. */
	void tap(String cssSelector) {
		browser.find(cssSelector).click();
		settle();
	}

	void settle() {
		browser.waitFor(d -> Boolean.TRUE.equals(js().executeScript(
				"return document.querySelectorAll('.htmx-request, .htmx-swapping, .htmx-settling').length === 0")));
	}

	boolean checked(String id) {
		return browser.findAll("#" + id + ":checked").size() == 1;
	}

	void next(String expectedProgress) {
		browser.find("#next").click();
		// read in the page itself: the group may be swapped between finding an element and reading it
		browser.waitFor(d -> expectedProgress.equals(js().executeScript(
				"var p = document.getElementById('progress'); return p && p.textContent.trim();")));
		settle();
	}

	void resume(String draftPath) {
		browser.visit("/screenings");
		browser.clickThrough(browser.find("a[href='" + draftPath + "']"));
	}

	@Test
	void anOfficerRunsAWholeInterviewOnATablet() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String officer = fixtures.account(fixtures.organisation("CONSULATE", "ID"), "SCREENER");
		browser.logIn(officer, Fixtures.PASSWORD).visit("/screenings");
		browser.clickThrough(browser.find("#start"));
		assertThat(browser.path()).isEqualTo("/screenings/new");
		assertThat(new Select(browser.field("intervieweeLanguage")).getOptions()).extracting(WebElement::getText)
				.contains("English (en)", "Bahasa Indonesia (id) — draft translation");
		new Select(browser.field("officerLanguage")).selectByValue("en");
		new Select(browser.field("intervieweeLanguage")).selectByValue("id");
		browser.find("label[for=interpreter-none]").click();
		browser.clickThrough(browser.find("#begin"));
		String draft = browser.path();
		assertThat(draft).matches("/screenings/drafts/[0-9a-f-]{36}");

		// Consent first, in both languages side by side, sized for touch, nothing wider than the tablet.
		assertThat(browser.text("#progress")).isEqualTo("Group 1 of 10");
		WebElement officerTitle = browser.find(".group-title .officer");
		WebElement personTitle = browser.find(".group-title .person");
		assertThat(officerTitle.getText()).isEqualTo("Before we start");
		assertThat(personTitle.getText()).isEqualTo("Sebelum kita mulai");
		assertThat(personTitle.getAttribute("lang")).isEqualTo("id");
		assertThat(personTitle.getLocation().getX()).as("side by side")
				.isGreaterThan(officerTitle.getLocation().getX() + officerTitle.getSize().getWidth() - 1);
		assertThat(personTitle.getLocation().getY()).isEqualTo(officerTitle.getLocation().getY());
		assertThat(browser.find("label[for=assistance-yes]").getText()).contains("Yes").contains("Ya");
		assertThat(browser.findAll("label.option")).allSatisfy(option -> assertThat(option.getSize().getHeight())
				.as("touch target").isGreaterThanOrEqualTo(48));
		assertThat(browser.find("#quick-exit").getSize().getHeight()).isGreaterThanOrEqualTo(48);
		assertThat(js().executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scrolling on a tablet").isEqualTo(true);

		browser.find("#next").click();
		browser.waitFor(d -> !browser.findAll("#assistance-error").isEmpty());
		assertThat(browser.text("#assistance-error")).isEqualTo("Answer this question before going on.");
		tap("label[for=assistance-yes]");
		tap("label[for=referral-yes]");
		tap("label[for=shareWithCountryOfNationality-no]");
		tap("label[for=research-no]");
		assertThat(checked("assistance-yes")).as("saved and shown again by the server").isTrue();
		next("Group 2 of 10");

		// Profile: a name that is no country is refused, with the form's own message; then fixed.
		browser.field("nationality").sendKeys("Atlantis");
		browser.find("label[for=age_band-25_34]").click();
		browser.waitFor(d -> !browser.findAll("#nationality-error").isEmpty());
		settle();
		assertThat(browser.text("#nationality-error"))
				.isEqualTo("Use a two-letter country code in capitals, for example ID");
		assertThat(checked("age_band-25_34")).isTrue();
		browser.find("#next").click();
		settle();
		assertThat(browser.text("#progress")).isEqualTo("Group 2 of 10");
		browser.field("nationality").clear();
		settle();
		browser.field("nationality").sendKeys("Indonesia");
		next("Group 3 of 10");
		assertThat(browser.text(".group-title .officer")).startsWith("Contact details");
		browser.field("full_name").sendKeys("Siti");
		next("Group 4 of 10");

		// Recruitment: A2 is asked only when A1 is yes, worked out by the engine, without reloading the page.
		WebElement page = browser.find("html");
		tap("label[for=A1-no]");
		assertThat(browser.findAll("#q-A2")).isEmpty();
		tap("label[for=A1-yes]");
		browser.waitFor(d -> !browser.findAll("#q-A2").isEmpty());
		assertThat(browser.findAll("#q-A2_which")).isEmpty();
		tap("label[for=A2-yes]");
		browser.waitFor(d -> !browser.findAll("#q-A2_which").isEmpty());
		tap("label[for=A2_which-telegram]");
		assertThat(checked("A2_which-telegram")).isTrue();
		assertThat(isStale(page)).as("the same page, updated in place").isFalse();

		// Pause, then resume from the list with the answers kept.
		browser.find("#pause").click();
		browser.waitFor(d -> browser.path().equals("/screenings"));
		assertThat(browser.text("#notice")).isEqualTo("Interview paused. Resume it from the list below.");
		browser.clickThrough(browser.find("a[href='" + draft + "']"));
		assertThat(browser.text("#progress")).isEqualTo("Group 4 of 10");
		assertThat(checked("A1-yes")).isTrue();
		assertThat(checked("A2-yes")).isTrue();
		assertThat(checked("A2_which-telegram")).isTrue();

		// Quick exit: the page is hidden at once, the session ends, and Back does not bring the interview back.
		Object shown = js().executeScript("document.getElementById('quick-exit').click();"
				+ " return getComputedStyle(document.body).display;");
		assertThat(shown).as("hidden before the next page arrives").isEqualTo("none");
		browser.waitFor(d -> browser.path().startsWith("/login"));
		browser.driver().navigate().back();
		browser.waitFor(d -> browser.findAll("#quick-exit").isEmpty() && !browser.findAll("#username").isEmpty());
		assertThat(browser.path()).as("logged out: the next person must log in").startsWith("/login");

		// Escape does the same.
		browser.logIn(officer, Fixtures.PASSWORD);
		resume(draft);
		tap("label[for=A3-no]");
		browser.find("body").sendKeys(Keys.ESCAPE);
		browser.waitFor(d -> browser.path().startsWith("/login"));

		browser.logIn(officer, Fixtures.PASSWORD);
		// Resume and finish: the interview is scored and its result shown.
		resume(draft);
		assertThat(browser.text("#progress")).isEqualTo("Group 4 of 10");
		assertThat(checked("A3-no")).as("the answer given just before leaving was saved").isTrue();
		for (String progress : List.of("Group 5 of 10", "Group 6 of 10", "Group 7 of 10", "Group 8 of 10",
				"Group 9 of 10", "Group 10 of 10")) {
			if (progress.equals("Group 7 of 10")) {
				tap("label[for=D1-yes]");
			}
			next(progress);
		}
		assertThat(browser.findAll("#next")).isEmpty();
		browser.find("#finish").click();
		browser.waitFor(d -> browser.path().matches("/screenings/[0-9a-f-]{36}"));
		assertThat(browser.text("#computed-outcome")).as("physical violence is a strong indicator")
				.contains("Presumed victim");
		browser.visit("/screenings");
		assertThat(browser.findAll("a[href='" + draft + "']")).as("the finished draft is gone").isEmpty();
	}

	private static boolean isStale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException e) {
			return true;
		}
	}
}
