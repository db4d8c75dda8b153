package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;
import org.tipx.signals.web.SignalWork.Agency;

import tools.jackson.databind.JsonNode;

/**
 * The alert inbox reads as networks: alerts on one network sit together under the title of a report the focal point
 * may see (never one hidden from it, never a hash), each alert says who acknowledged it and when, and the quick
 * filters show only new or only acknowledged alerts.
 */
@TipxIntegrationTest
class AlertGroupsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	SignalWork work;

	Agency cambodia;

	Agency thailand;

	Agency laos;

	String focalPoint;

	@BeforeEach
	void agencies() {
		work = new SignalWork(new Api(port));
		cambodia = work.agency("KH");
		thailand = work.agency("TH");
		laos = work.agency("LA");
		focalPoint = work.directory.account(cambodia.organisationId(), "FOCAL_POINT");
	}

	@Test
	void alertsOnOneNetworkAreShownTogetherUnderTheTitleOfItsFirstReport() {
		String wallet = SignalWork.wallet();
		String first = work.report(cambodia, "AMBER", wallet, thailand.organisationId());
		// the first report's own early warning is judged before the linking reports arrive: judged later, on its
		// thread of its own, it would see them and alert about the first report too
		settled(first);
		// each alert is awaited before the next report is filed: alerts are raised after the filing commits, on
		// threads of their own, so two reports filed back to back may be alerted in either order
		String one = work.report(thailand, "AMBER", wallet, cambodia.organisationId());
		JsonNode alertOne = work.alertOn(cambodia, one);
		String two = work.report(thailand, "AMBER", wallet, cambodia.organisationId());
		JsonNode alertTwo = work.alertOn(cambodia, two);
		String elsewhere = SignalWork.wallet();
		work.report(cambodia, "AMBER", elsewhere, thailand.organisationId());
		String other = work.report(thailand, "AMBER", elsewhere, cambodia.organisationId());
		JsonNode alertOther = work.alertOn(cambodia, other);
		String firstTitle = titleOf(alertOne, first);

		Page inbox = Visitor.loggedIn(port, focalPoint, Fixtures.PASSWORD).get("/signals/alerts");

		assertThat(inbox.status()).isEqualTo(200);
		Element network = inbox.html().selectFirst("#alert-" + alertOne.get("id").asString()).parent();
		assertThat(network.select("tr.alert").eachAttr("id")).containsExactly("alert-" + alertTwo.get("id").asString(),
				"alert-" + alertOne.get("id").asString());
		assertThat(network.selectFirst(".network-title").text()).isEqualTo("Network of “" + firstTitle + "”");
		assertThat(network.selectFirst(".network-heading").text()).contains("2 alerts").contains("KH, TH")
				.doesNotContain(alertOne.get("networkId").asString().substring(0, 8));
		Element otherNetwork = inbox.html().selectFirst("#alert-" + alertOther.get("id").asString()).parent();
		assertThat(otherNetwork).isNotEqualTo(network);
		assertThat(otherNetwork.select("tr.alert")).hasSize(1);
		assertThat(alertOne.get("networkTitle").asString()).isEqualTo(firstTitle);
	}

	/** Waits until the events of a filed report (its early warning) have been handled. */
	private void settled(String reportId) {
		for (int i = 0; i < 200; i++) {
			long open = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
					+ " AND serialized_event LIKE ?").param("%" + reportId + "%").query(Long.class).single();
			if (open == 0) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("the events of report " + reportId + " were not handled within 10 s");
	}

	@Test
	void aNetworkIsNeverNamedAfterAReportTheFocalPointMayNotSee() {
		String wallet = SignalWork.wallet();
		String hidden = work.report(laos, "RED", wallet, thailand.organisationId());
		String mine = work.report(cambodia, "AMBER", wallet, thailand.organisationId());
		String crossing = work.report(thailand, "AMBER", wallet, cambodia.organisationId());
		JsonNode alert = work.alertOn(cambodia, crossing);
		String hiddenTitle = work.api.get(laos.token(), "/api/v1/signals/reports/" + hidden).json().get("title")
				.asString();

		Page inbox = Visitor.loggedIn(port, focalPoint, Fixtures.PASSWORD).get("/signals/alerts");

		Element network = inbox.html().selectFirst("#alert-" + alert.get("id").asString()).parent();
		assertThat(network.selectFirst(".network-title").text())
				.isEqualTo("Network of “" + titleOf(alert, mine) + "”");
		assertThat(inbox.body()).doesNotContain(hiddenTitle).doesNotContain(hidden);
		assertThat(alert.get("networkTitle").asString()).isEqualTo(titleOf(alert, mine));
	}

	@Test
	void theInboxSaysWhoAcknowledgedAnAlertAndWhenAndFiltersByState() {
		String wallet = SignalWork.wallet();
		work.report(cambodia, "AMBER", wallet, thailand.organisationId());
		String crossing = work.report(thailand, "AMBER", wallet, cambodia.organisationId());
		String acknowledged = work.alertOn(cambodia, crossing).get("id").asString();
		String other = SignalWork.wallet();
		work.report(cambodia, "AMBER", other, thailand.organisationId());
		String untouched = work.alertOn(cambodia, work.report(thailand, "AMBER", other, cambodia.organisationId()))
				.get("id").asString();
		Visitor visitor = Visitor.loggedIn(port, focalPoint, Fixtures.PASSWORD);
		Page before = visitor.get("/signals/alerts");
		Element buttons = before.html().selectFirst("#alert-" + acknowledged + " form.triage");
		assertThat(buttons.select("button").eachText()).containsExactly("Acknowledge", "Close");

		visitor.follow(visitor.submit("/signals/alerts/" + acknowledged + "/triage", "to", "ACKNOWLEDGED"));
		visitor.get("/signals/alerts");
		Page closed = visitor.follow(visitor.submit("/signals/alerts/" + acknowledged + "/triage", "to", "CLOSED"));

		Element row = closed.html().selectFirst("#alert-" + acknowledged);
		assertThat(row.selectFirst(".alert-state .state").text()).isEqualTo("Closed");
		assertThat(row.selectFirst(".alert-state .acknowledged").text()).startsWith("Acknowledged by " + focalPoint
				+ " on ");
		assertThat(closed.html().selectFirst("#alert-" + untouched + " .alert-state .acknowledged")).isNull();
		JsonNode api = work.api.get(work.directory.tokenFor(focalPoint), "/api/v1/signals/alerts/" + acknowledged)
				.json();
		assertThat(api.get("acknowledgedBy").asString()).isEqualTo(focalPoint);
		assertThat(api.get("acknowledgedAt").isNull()).isFalse();

		visitor.follow(visitor.submit("/signals/alerts/" + acknowledged + "/triage", "to", "ACKNOWLEDGED"));
		Page onlyNew = visitor.get("/signals/alerts?state=NEW");
		assertThat(onlyNew.html().select("tr.alert").eachAttr("id")).contains("alert-" + untouched)
				.doesNotContain("alert-" + acknowledged);
		assertThat(onlyNew.html().selectFirst(".quick-filters a[aria-current=page]").text()).isEqualTo("New");
		Page onlyAcknowledged = visitor.get(onlyNew.html().selectFirst(".quick-filters a.filter-ACKNOWLEDGED")
				.attr("href"));
		assertThat(onlyAcknowledged.html().select("tr.alert").eachAttr("id")).contains("alert-" + acknowledged)
				.doesNotContain("alert-" + untouched);
	}

	private static String titleOf(JsonNode alert, String reportId) {
		List<JsonNode> reports = new java.util.ArrayList<>(alert.get("linkedReports").valueStream().toList());
		reports.add(alert.get("report"));
		return reports.stream().filter(r -> r.get("id").asString().equals(reportId)).findFirst().orElseThrow()
				.get("title").asString();
	}
}
