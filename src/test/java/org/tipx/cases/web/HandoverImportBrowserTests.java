package org.tipx.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser: a case worker imports a handover package on the handovers page and sees the
 * verification result: a package with one changed byte is refused because its signature does not verify, and the
 * package as signed opens a case in their organisation, with the personal fields it carried named.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoverImportBrowserTests {

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
	void aCaseWorkerImportsAPackageAndSeesWhetherItsSignatureVerifies() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String shelter = fixtures.organisation("CIVIL_SOCIETY", "ID");
		String sender = fixtures.tokenFor(fixtures.account(shelter, "CASE_WORKER"));
		String ngo = fixtures.organisation("CIVIL_SOCIETY", "MY");
		String receiver = fixtures.account(ngo, "CASE_WORKER");

		Reply opened = fixtures.api.post(sender, "/api/v1/cases", Map.of("traffickingStatus", "PRESUMED",
				"nationality", "ID", "personal", Map.of("fullName", "Dewi Lestari", "documents", "Passport B7654321"),
				"consent", Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", false,
						"research", false, "explainedIn", "id")));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		Reply sent = fixtures.api.post(sender, "/api/v1/cases/" + opened.json().get("id").asString() + "/handovers",
				Map.of("toOrganisationId", ngo, "sharePersonal", true));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String file = fixtures.api.get(sender, "/api/v1/handovers/" + sent.json().get("id").asString() + "/package")
				.body();

		browser.logIn(receiver, Fixtures.PASSWORD);
		browser.visit("/handovers");
		importing(file.replace("\"PRESUMED\"", "\"PRESUMEE\""));
		assertThat(browser.text("#verification h3")).isEqualTo("Refused: the signature does not verify");
		assertThat(browser.text("#verification")).contains("Nothing was stored.");
		assertThat(browser.findAll("#received tbody tr")).isEmpty();

		importing(file);
		assertThat(browser.text("#verification h3"))
				.isEqualTo("Verified: the signature is good and the package is addressed to your organisation");
		assertThat(browser.text("#verification")).contains("Personal fields received: fullName")
				.doesNotContain("documents");
		assertThat(browser.findAll("#received tbody tr")).hasSize(1);
		assertThat(browser.text("#received tbody tr")).contains("Opened");

		importing(file);
		assertThat(browser.text("#verification h3")).isEqualTo("Refused: this package was already received");
		assertThat(browser.findAll("#received tbody tr")).hasSize(1);
	}

	private void importing(String text) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
				browser.field("package"), text);
		browser.clickThrough(browser.find("form[action='/handovers/import'] button[type=submit]"));
		browser.waitFor(d -> !d.findElements(By.id("verification")).isEmpty());
	}
}
