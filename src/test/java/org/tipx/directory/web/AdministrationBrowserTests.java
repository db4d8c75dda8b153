package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser: an administrator changes an account's roles on its page, and opens an account from the
 * form above the list, whose owner's first login leads to the password page.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationBrowserTests {

	static final String INITIAL = "lantern-quarry-meadow-62";

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
	void anAdministratorChangesAnAccountsRolesOnItsPage() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String owner = fixtures.account(fixtures.organisation("CIVIL_SOCIETY", "VN"), "SCREENER");
		browser.forget();
		browser.logIn("admin", TipxIntegrationTest.ADMIN_PASSWORD).visit("/admin/accounts?q=" + owner);
		browser.clickThrough(browser.find("#account-" + owner + " th a"));
		assertThat(browser.text("h1")).contains(owner);

		checkbox("CASE_WORKER").click();
		checkbox("SCREENER").click();
		browser.clickThrough(browser.find("#change-roles"));
		assertThat(browser.text("#notice")).isEqualTo("Roles of " + owner + " changed.");
		assertThat(checkbox("CASE_WORKER").isSelected()).isTrue();
		assertThat(checkbox("SCREENER").isSelected()).isFalse();
		assertThat(browser.text("dl.facts")).contains("Case worker").doesNotContain("Screener");
	}

	@Test
	void anAccountOpenedFromTheFormAboveTheListMustChooseAPasswordAtFirstLogin() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String organisation = fixtures.organisation("GOVERNMENT", "KH");
		String username = Fixtures.unique("opened").toLowerCase();
		browser.forget();
		browser.logIn("admin", TipxIntegrationTest.ADMIN_PASSWORD).visit("/admin/accounts");
		WebElement form = browser.find("form[action='/admin/accounts'][method=post]");
		assertThat(form.getLocation().getY()).as("the form is above the list")
				.isLessThan(browser.find("#accounts table").getLocation().getY());
		browser.field("username").sendKeys(username);
		browser.field("password").sendKeys(INITIAL);
		new org.openqa.selenium.support.ui.Select(browser.field("organisationId")).selectByValue(organisation);
		form.findElement(By.cssSelector("input[name=roles][value=ANALYST]")).click();
		browser.clickThrough(form.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.text("#notice")).contains(username).contains("must choose a new password");

		browser.forget();
		browser.logIn(username, INITIAL);
		assertThat(browser.path()).startsWith("/account/password");
		assertThat(browser.text("h1")).isEqualTo("Change your password");
		browser.visit("/");
		assertThat(browser.path()).startsWith("/account/password");
	}

	private WebElement checkbox(String role) {
		return browser.find("#roles-panel input[name=roles][value=" + role + "]");
	}
}
