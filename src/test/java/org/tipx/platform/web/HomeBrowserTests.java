package org.tipx.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser: log in through the login page, land on the home page in English, switch to Bahasa
 * Indonesia, and move around with the keyboard.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void chromium() {
		browser = Browser.open(port);
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
	void anAdministratorLogsInAndSeesTheHomePageInEnglishThenInBahasaIndonesia() {
		browser.logIn("admin", TipxIntegrationTest.ADMIN_PASSWORD);
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.language()).isEqualTo("en");
		assertThat(browser.text("h1")).isEqualTo("Welcome, admin");
		assertThat(browser.text("#card-ADMIN h2")).isEqualTo("Administrator");
		assertThat(browser.findAll(".draft-note")).isEmpty();

		browser.clickThrough(browser.find(".languages a[lang=id]"));
		assertThat(browser.language()).isEqualTo("id");
		assertThat(browser.text("h1")).isEqualTo("Selamat datang, admin");
		assertThat(browser.text("#card-ADMIN a[href='/admin/audit']")).isEqualTo("Jejak audit");
		assertThat(browser.text(".draft-note")).contains("awaiting review by a native speaker");

		browser.visit("/admin/accounts");
		assertThat(browser.text("h1")).isEqualTo("Akun");
	}

	@Test
	void theFirstTabReachesTheSkipLinkWhichLeadsToTheContent() {
		browser.visit("/login");
		WebElement body = browser.find("body");
		body.sendKeys(Keys.TAB);
		WebElement focused = browser.driver().switchTo().activeElement();
		assertThat(focused.getAttribute("class")).isEqualTo("skip-link");
		assertThat(focused.isDisplayed()).isTrue();
		assertThat(focused.getText()).isEqualTo("Skip to main content");
	}

	@Test
	void aWrongPasswordKeepsThePersonOnTheLoginPageWithTheReason() {
		// someone of their own: five wrong passwords lock an account, and the administrator's is everyone's
		Fixtures fixtures = new Fixtures(new Api(port));
		browser.logIn(fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "ID"), "CASE_WORKER"), "not-the-password");
		assertThat(browser.path()).isEqualTo("/login?error");
		assertThat(browser.text("#login-problem")).contains("The username or password is wrong.");
	}
}
