package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser, with htmx: an administrator unlocks a locked account from the list, which updates in
 * place and announces the change.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsBrowserTests {

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
	void anAdministratorUnlocksALockedAccountWithoutLeavingTheList() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		String locked = fixtures.account(fixtures.organisation("PLATFORM", "SG"), "MODERATOR");
		for (int i = 0; i < 5; i++) {
			api.post(null, "/api/v1/auth/token", Map.of("username", locked, "password", "wrong-" + i));
		}

		browser.logIn("admin", TipxIntegrationTest.ADMIN_PASSWORD).visit("/admin/accounts?q=" + locked);
		assertThat(((JavascriptExecutor) browser.driver()).executeScript("return typeof htmx")).isEqualTo("object");
		WebElement page = browser.find("html");
		assertThat(browser.text("#account-" + locked + " .state--locked")).startsWith("Locked until");

		browser.find("#account-" + locked + " button").click();
		browser.waitFor(d -> browser.text("#notice").contains(locked));

		assertThat(browser.text("#notice")).isEqualTo("Account " + locked + " unlocked.");
		assertThat(browser.findAll("#account-" + locked + " .state--locked")).isEmpty();
		assertThat(browser.path()).isEqualTo("/admin/accounts?q=" + locked);
		assertThat(browser.findAll("#account-" + locked)).as("still listed by the search").hasSize(1);
		assertThat(page.isDisplayed()).as("the same page, updated in place").isTrue();
	}
}
