package org.tipx.signals.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.signals.stix.StixCallers.indicator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.signals.stix.StixCallers.Caller;

/** The report page offers the STIX export; the imports page files a bundle and shows what was filed and ignored. */
@TipxIntegrationTest
class StixPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void theReportPageLinksToItsStixBundleAndItsNetworks() {
		StixCallers callers = new StixCallers(new Api(port));
		Caller analyst = callers.analyst("KH");
		String id = callers.file(analyst, "GREEN", List.of(indicator("domain", "ring-"
				+ UUID.randomUUID().toString().substring(0, 8) + ".example.com")), List.of());
		Visitor visitor = Visitor.loggedIn(port, analyst.username(), Fixtures.PASSWORD);

		var page = visitor.get("/signals/reports/" + id);

		assertThat(page.html().select("a[href=/signals/reports/" + id + "/stix]").text()).isEqualTo("Export as STIX");
		String network = page.html().select("a[href^=/signals/networks/]").attr("href");
		var bundle = visitor.get("/signals/reports/" + id + "/stix");
		assertThat(bundle.status()).isEqualTo(200);
		assertThat(bundle.contentType()).isEqualTo("application/stix+json;version=2.1");
		assertThat(bundle.body()).contains("\"report--" + id + "\"");
		assertThat(visitor.get(network).body()).contains("\"report--" + id + "\"");
	}

	@Test
	void theImportsPageFilesABundleAndListsWhatItIgnored() {
		StixCallers callers = new StixCallers(new Api(port));
		Caller analyst = callers.analyst("KH");
		Visitor visitor = Visitor.loggedIn(port, analyst.username(), Fixtures.PASSWORD);
		String tool = "tool--" + UUID.randomUUID();
		String bundle = """
				{"type":"bundle","id":"bundle--%s","objects":[
				 {"type":"url","spec_version":"2.1","id":"url--%s","value":"https://ring-%s.example.com/join"},
				 {"type":"tool","spec_version":"2.1","id":"%s","created":"2026-10-01T00:00:00.000Z",
				  "modified":"2026-10-01T00:00:00.000Z","name":"dialer"}]}""".formatted(UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID().toString().substring(0, 8), tool);
		assertThat(visitor.get("/signals/imports").html().select("form#stix-upload")).isNotEmpty();

		var result = visitor.upload("/signals/imports/stix", "file", "feed.json", "application/json",
				bundle.getBytes(StandardCharsets.UTF_8), "defaultTlp", "GREEN");

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.html().select("section[aria-labelledby=filed-heading] a[href^=/signals/reports/]").size()).isEqualTo(1);
		assertThat(result.html().select("#stix-ignored").text()).contains(tool, "tool");

		String unmarked = bundle.replaceAll("url--[0-9a-f-]{36}", "url--" + UUID.randomUUID());
		var refused = visitor.upload("/signals/imports/stix", "file", "feed.json", "application/json",
				unmarked.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.html().select("#stix-problem").text()).contains(".object_marking_refs");
	}
}
