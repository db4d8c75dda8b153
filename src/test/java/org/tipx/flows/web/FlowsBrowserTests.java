package org.tipx.flows.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * In a real (headless) browser an investigator goes from the home page to the flows pages, uploads a CSV of
 * transfers, tags the exchange, traces the victim's payment and sees it drawn: Cytoscape's canvas with a node per
 * address (the exchange a service) and the amount on the edge into the exchange, and the endpoints table filled.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
class FlowsBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void anInvestigatorUploadsTransfersTracesThePaymentAndSeesTheGraphDrawn(@TempDir Path folder) throws Exception {
		Fixtures fixtures = new Fixtures(new Api(port));
		String investigator = fixtures.account(fixtures.organisation("LAW_ENFORCEMENT", "ID"), "INVESTIGATOR");
		String victim = FlowsApiIntegrationTests.tron(), mule = FlowsApiIntegrationTests.tron(),
				exchange = FlowsApiIntegrationTests.tron(), other = FlowsApiIntegrationTests.tron(),
				tx = "victim-" + UUID.randomUUID();
		Path file = folder.resolve("transfers.csv");
		Files.writeString(file, "chain,tx,index,time,from,to,asset,amount\n"
				+ "tron," + tx + ",0,2024-05-01T10:00:00Z," + victim + "," + mule + ",USDT,1000\n"
				+ "tron,out-" + tx + ",0,2024-05-01T11:00:00Z," + mule + "," + exchange + ",USDT,600.5\n"
				+ "tron,rest-" + tx + ",0,2024-05-01T12:00:00Z," + mule + "," + other + ",USDT,399.5\n");

		try (Browser browser = Browser.open(port)) {
			browser.logIn(investigator, Fixtures.PASSWORD).visit("/");
			browser.clickThrough(browser.find(".navigation a[href='/flows/transfers']"));
			browser.field("file").sendKeys(file.toString());
			browser.clickThrough(browser.find("#upload button[type=submit]"));
			assertThat(browser.text("#new")).isEqualTo("3");

			browser.clickThrough(browser.find(".flows-pages a[href='/flows/tags']"));
			new Select(browser.field("chain")).selectByValue("tron");
			browser.field("address").sendKeys(exchange);
			new Select(browser.field("tag")).selectByValue("exchange");
			browser.field("name").sendKeys("Exchange A");
			browser.field("source").sendKeys("court order 12/2024");
			browser.clickThrough(browser.find("#tag-form button[type=submit]"));
			assertThat(browser.text("#tags")).contains(exchange, "Exchange A");

			browser.clickThrough(browser.find(".flows-pages a[href='/flows/trace']"));
			browser.field("seeds").sendKeys(tx + " 1000");
			new Select(browser.field("model")).selectByValue("HAIRCUT");
			browser.clickThrough(browser.find("#trace-form button[type=submit]"));

			browser.waitFor(d -> "4".equals(browser.find("#trace-graph").getAttribute("data-drawn")));
			assertThat(browser.findAll("#trace-graph canvas")).as("Cytoscape's canvas").isNotEmpty();
			String cy = "var cy = document.getElementById('trace-graph')._cyreg.cy;";
			assertThat(script(browser, cy + "return cy.nodes('[kind = \"service\"]').map(function (n) {"
					+ " return n.data('address'); });").toString()).contains(exchange);
			assertThat(script(browser, cy + "return cy.edges().map(function (e) { return e.data('label'); });")
					.toString()).contains("600.5 USDT", "399.5 USDT", "1000 USDT");
			assertThat(browser.findAll("#endpoints tbody tr")).hasSize(2);
			assertThat(browser.text("#endpoints")).contains(exchange, "Exchange A", "600.5 USDT",
					"Reached a tagged service");
		}
	}

	private static Object script(Browser browser, String code) {
		return ((JavascriptExecutor) browser.driver()).executeScript(code);
	}
}
