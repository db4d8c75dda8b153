package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.web.ReportPagesFixtures.Member;

/**
 * In a real (headless) browser, a report's network is drawn so that it can be read: no report's label runs into
 * another's, whether the network holds 2, 5 or 20 reports; labels say category and country in words; a legend
 * explains the colours and lines; a link shows its value when selected; and one button brings the whole network back
 * into view. Label boxes are read from the drawing itself (Cytoscape's rendered bounding boxes, labels included).
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkGraphBrowserTests {

	/** The drawing's Cytoscape instance, which Cytoscape keeps on its container. */
	private static final String GRAPH = "var cy = document.getElementById('network-graph')._cyreg.cy;";

	@LocalServerPort
	int port;

	Browser browser;

	ReportPagesFixtures fixtures;

	@BeforeAll
	void chromium() {
		browser = Browser.open(port);
		fixtures = new ReportPagesFixtures(new Api(port));
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

	@ParameterizedTest(name = "a network of {0} reports")
	@ValueSource(ints = { 2, 5, 20 })
	void noTwoReportLabelsOverlap(int size) {
		Member analyst = fixtures.member("KH", "ANALYST");
		String first = network(analyst, size);
		browser.logIn(analyst.username(), Fixtures.PASSWORD);
		browser.visit("/signals/reports/" + first);
		browser.waitFor(d -> String.valueOf(size).equals(browser.find("#network-graph").getAttribute("data-drawn")));

		List<double[]> boxes = labelBoxes();
		assertThat(boxes).hasSize(size);
		List<String> overlapping = new ArrayList<>();
		for (int i = 0; i < boxes.size(); i++) {
			for (int j = i + 1; j < boxes.size(); j++) {
				if (overlap(boxes.get(i), boxes.get(j))) {
					overlapping.add(i + " and " + j);
				}
			}
		}
		assertThat(overlapping).as("labels that overlap").isEmpty();
	}

	@Test
	void labelsSpeakWordsALegendExplainsTheDrawingALinkShowsItsValueAndFitBringsEverythingBack() {
		Member analyst = fixtures.member("KH", "ANALYST");
		String first = network(analyst, 5);
		browser.logIn(analyst.username(), Fixtures.PASSWORD);
		browser.visit("/signals/reports/" + first);
		browser.waitFor(d -> "5".equals(browser.find("#network-graph").getAttribute("data-drawn")));

		assertThat(script("return cy.nodes()[0].data('label');").toString()).endsWith("\nScam compound · Cambodia");
		assertThat(browser.text("#network-legend")).contains("Legend", "TLP:GREEN: every member organisation",
				"This report", "A line: the two reports share at least one value");
		assertThat(script("return cy.edges()[0].renderedBoundingBox({includeLabels: true}).w"
				+ " - cy.edges()[0].renderedBoundingBox({includeLabels: false}).w;").toString())
				.as("no edge label until the edge is selected").isIn("0", "0.0");
		script("cy.edges()[0].select(); return null;");
		assertThat(script("return cy.edges()[0].style('label');").toString()).startsWith("Messaging handle telegram:");

		script("cy.zoom(2); cy.pan({x: -3000, y: -3000}); return null;");
		assertThat(allInView()).as("moved out of view").isFalse();
		browser.find("#network-fit").click();
		assertThat(allInView()).as("all in view after Show the whole network").isTrue();
	}

	/** Files {@code size} GREEN reports linked in a chain by shared handles, every fourth also by a shared wallet. */
	private String network(Member by, int size) {
		List<String> handles = new ArrayList<>();
		for (int i = 0; i <= size; i++) {
			handles.add(ReportPagesFixtures.uniqueHandle());
		}
		String wallet = SignalWork.wallet();
		String first = null;
		for (int i = 0; i < size; i++) {
			List<Map<String, Object>> indicators = new ArrayList<>(List.of(
					ReportPagesFixtures.indicator("messaging_handle", handles.get(i)),
					ReportPagesFixtures.indicator("messaging_handle", handles.get(i + 1))));
			if (i % 4 == 0) {
				indicators.add(ReportPagesFixtures.indicator("crypto_address", wallet));
			}
			@SuppressWarnings("unchecked")
			String id = fixtures.file(by, Fixtures.unique("Recruiter offering jobs abroad, report " + (i + 1)), "GREEN",
					"KH", List.of(), indicators.toArray(Map[]::new));
			first = first == null ? id : first;
		}
		return first;
	}

	@SuppressWarnings("unchecked")
	private List<double[]> labelBoxes() {
		List<List<Number>> raw = (List<List<Number>>) script("return cy.nodes().map(function (n) {"
				+ " var b = n.renderedBoundingBox({includeLabels: true, includeOverlays: false});"
				+ " return [b.x1, b.y1, b.x2, b.y2]; });");
		return raw.stream().map(b -> b.stream().mapToDouble(Number::doubleValue).toArray()).toList();
	}

	private static boolean overlap(double[] a, double[] b) {
		return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
	}

	private boolean allInView() {
		return (Boolean) script("var w = cy.width(), h = cy.height(); return cy.nodes().every(function (n) {"
				+ " var b = n.renderedBoundingBox({includeLabels: true});"
				+ " return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= w && b.y2 <= h; });");
	}

	private Object script(String body) {
		return ((JavascriptExecutor) browser.driver()).executeScript(GRAPH + body);
	}
}
