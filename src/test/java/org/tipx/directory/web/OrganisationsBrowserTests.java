package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser, an administrator registers an organisation through the page.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationsBrowserTests {

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
	void anAdministratorRegistersAnOrganisationThroughThePage() {
		browser.logIn("admin", TipxIntegrationTest.ADMIN_PASSWORD);
		browser.clickThrough(browser.find("nav.navigation a[href='/admin/organisations']"));
		assertThat(browser.text("h1")).isEqualTo("Organisations");

		String name = Fixtures.unique("Migrant Care");
		browser.field("name").sendKeys(name);
		new Select(browser.field("type")).selectByValue("CIVIL_SOCIETY");
		new Select(browser.field("country")).selectByVisibleText("Indonesia");
		browser.clickThrough(browser.find("form[action='/admin/organisations'] button[type=submit]"));

		assertThat(browser.path()).isEqualTo("/admin/organisations");
		assertThat(browser.text("#notice")).isEqualTo("Organisation " + name + " registered.");
		assertThat(browser.findAll("tbody th").stream().map(WebElement::getText)).contains(name);
	}

	@Test
	void aRefusedFormPointsToTheFieldToCorrect() {
		browser.logIn("admin", TipxIntegrationTest.ADMIN_PASSWORD);
		browser.visit("/admin/organisations");
		browser.clickThrough(browser.find("form[action='/admin/organisations'] button[type=submit]"));
		assertThat(browser.text("#name-error")).isEqualTo("Enter the organisation’s name, at most 200 characters.");
		assertThat(browser.find(".error-summary a[href='#name']").getText()).isEqualTo(browser.text("#name-error"));
		assertThat(browser.field("name").getAttribute("aria-describedby")).isEqualTo("name-error");
	}
}
