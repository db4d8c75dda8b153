package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.Publications;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.SignalFixtures.Analyst;

import tools.jackson.databind.JsonNode;

/**
 * The alert subscription applies to a bulk import as to reports filed one by one: an organisation that follows a
 * country hears of a network the import grows inside it, and one that does not, does not.
 */
@TipxIntegrationTest
class FollowedCountryImportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anImportGrowingANetworkInsideAFollowedCountryAlertsItsFollowersOnly() {
		SignalFixtures signals = new SignalFixtures(new Api(port));
		Analyst follower = signals.analyst("ID");
		Analyst bystander = signals.analyst("ID");
		Analyst cambodia = signals.analyst("KH");
		String focalPoint = signals.directory.tokenFor(signals.directory.account(follower.organisationId(),
				"FOCAL_POINT"));
		assertThat(signals.api.put(focalPoint, "/api/v1/signals/alert-subscription",
				Map.of("countries", List.of("KH"))).status()).isEqualTo(200);
		String wallet = "0x" + UUID.randomUUID().toString().replace("-", "") + "0badc0de";
		String title = Fixtures.unique("followed");
		String csv = ImportIntegrationTests.HEADER + "\n"
				+ "a," + title + " a,SCAM_COMPOUND,GREEN,KH,2026-10-01,crypto_address,\"" + wallet + "\",,\n"
				+ "b," + title + " b,SCAM_COMPOUND,GREEN,KH,2026-10-02,crypto_address,\"" + wallet + "\",,\n";

		new Uploads(port).imported(cambodia.token(), Uploads.CSV, csv);
		new Publications(jdbc).awaitHandled(List.of(cambodia.organisationId(), follower.organisationId()));

		assertThat(alertedTitles(signals, follower, title)).containsExactly(title + " b");
		assertThat(alertedTitles(signals, bystander, title)).isEmpty();
		assertThat(alertedTitles(signals, cambodia, title)).isEmpty();
	}

	private static List<String> alertedTitles(SignalFixtures signals, Analyst analyst, String title) {
		List<String> titles = new ArrayList<>();
		for (JsonNode alert : signals.api.get(analyst.token(), "/api/v1/signals/alerts").json()) {
			String reported = alert.get("report").get("title").asString();
			if (reported.startsWith(title)) {
				titles.add(reported);
			}
		}
		return titles;
	}
}
