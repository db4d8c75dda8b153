package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * The bulk path of an import gives exactly what filing the same reports one by one through the API gives: the same
 * networks, the same early warnings (each judged on the network as it stood when its report was filed), the same
 * silence where a warning-listed value or the age-out keeps reports apart, and no alert to anyone who may not see the
 * RED report that carries the link across the border; the same value flagged by the link cap; and the same view for
 * an organisation of another country that may see only the GREEN reports.
 */
@TipxIntegrationTest
class BulkImportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The reports, in the order they are filed: label, TLP, reporter country, observed, indicators (type=value). */
	private static final List<String[]> REPORTS = List.of(
			new String[] { "k1-middle", "RED", "MM", "2026-10-01", "crypto_address=A", "crypto_address=B" },
			new String[] { "k2-right", "GREEN", "LA", "2026-10-02", "crypto_address=B" },
			new String[] { "k3-noise", "GREEN", "MM", "2026-10-03", "domain=BIT.LY", "phone=P2" },
			new String[] { "k4-noise", "GREEN", "TH", "2026-10-03", "domain=bit.ly" },
			new String[] { "k5-phone-old", "GREEN", "VN", "2024-01-01", "phone=P" },
			new String[] { "k6-phone-new", "GREEN", "MM", "2026-10-01", "phone=P" },
			new String[] { "k7-phone-near", "GREEN", "TH", "2026-09-01", "phone=P", "phone=not a phone" },
			// a hotline on more reports than the link cap (5 in tests), each otherwise alone: flagged, links nothing
			new String[] { "h1-hotline", "GREEN", "MM", "2026-10-05", "phone=H" },
			new String[] { "h2-hotline", "GREEN", "MM", "2026-10-05", "phone=H" },
			new String[] { "h3-hotline", "AMBER", "MM", "2026-10-05", "phone=H" },
			new String[] { "h4-hotline", "GREEN", "MM", "2026-10-05", "phone=H" },
			new String[] { "h5-hotline", "GREEN", "MM", "2026-10-05", "phone=H" },
			new String[] { "h6-hotline", "GREEN", "MM", "2026-10-05", "phone=H" });

	@Test
	void anImportGivesTheNetworksAndAlertsOfFilingItsReportsOneByOne() {
		Outcome imported = run(true);
		Outcome oneByOne = run(false);

		assertThat(imported.networks()).isEqualTo(oneByOne.networks());
		assertThat(imported.alerts()).isEqualTo(oneByOne.alerts());
		assertThat(imported.strangerView()).isEqualTo(oneByOne.strangerView());
		assertThat(imported.hotlineFlagged()).isEqualTo(oneByOne.hotlineFlagged()).isTrue();
		// the hotline joined nobody
		assertThat(imported.networks().get("h1-hotline")).containsExactly("h1-hotline");
		// an organisation of another country, sent nothing: it sees the GREEN reports and their GREEN links only
		assertThat(imported.strangerView().get("k1-middle")).isEqualTo("hidden");
		assertThat(imported.strangerView().get("k2-right")).isEqualTo("[k2-right]");
		assertThat(imported.strangerView().get("h3-hotline")).isEqualTo("hidden");
		assertThat(imported.strangerView().get("k6-phone-new")).isEqualTo("[k6-phone-new, k7-phone-near]");
		// what a user would expect, spelled out: the RED middle report links Thailand and Laos, but only Myanmar sees it
		assertThat(imported.networks().get("k2-right")).containsExactly("k1-middle", "k2-right", "left");
		assertThat(imported.networks().get("k3-noise")).containsExactly("k3-noise");
		assertThat(imported.networks().get("k6-phone-new")).containsExactly("k6-phone-new", "k7-phone-near");
		assertThat(imported.alerts()).containsOnlyKeys("MM k1-middle", "MM k2-right", "MM k7-phone-near",
				"TH k7-phone-near", "LA k7-phone-near", "VN k7-phone-near");
		// judged as filed: when the middle report came, the Laotian one was not there yet
		assertThat(imported.alerts().get("MM k1-middle")).isEqualTo("linked=[left] countries=[MM, TH] values=[A]");
		assertThat(imported.alerts().get("MM k2-right"))
				.isEqualTo("linked=[k1-middle, left] countries=[LA, MM, TH] values=[B]");
	}

	/** Files the scenario with fresh organisations and values, by import or one by one; reads what each may see. */
	private Outcome run(boolean byImport) {
		SignalFixtures signals = new SignalFixtures(new Api(port));
		Map<String, Analyst> analysts = new LinkedHashMap<>();
		for (String country : List.of("MM", "TH", "LA", "VN")) {
			analysts.put(country, signals.analyst(country));
		}
		Analyst filer = analysts.get("MM");
		List<String> organisations = analysts.values().stream().map(Analyst::organisationId).toList();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("A", "0x" + UUID.randomUUID().toString().replace("-", "") + "0badc0de");
		values.put("B", "0x" + UUID.randomUUID().toString().replace("-", "") + "0badc0de");
		values.put("P", "+855 12 " + digits(6));
		values.put("P2", "+855 12 " + digits(6));
		values.put("H", "+855 12 " + digits(6));
		String title = Fixtures.unique("bulk");
		Map<String, String> ids = new TreeMap<>();
		ids.put("left", signals.file(analysts.get("TH"), SignalFixtures.report("GREEN", "TH",
				List.of(SignalFixtures.indicator("crypto_address", values.get("A"))))));
		awaitEvents(organisations);
		if (byImport) {
			StringBuilder csv = new StringBuilder(ImportIntegrationTests.HEADER).append('\n');
			for (String[] report : REPORTS) {
				for (int i = 4; i < report.length; i++) {
					String[] indicator = report[i].split("=", 2);
					csv.append(String.join(",", report[0], title + " " + report[0], "SCAM_COMPOUND", report[1], report[2],
							report[3], indicator[0], "\"" + values.getOrDefault(indicator[1], indicator[1]) + "\"", "", ""))
							.append('\n');
				}
			}
			new Uploads(port).imported(filer.token(), Uploads.CSV, csv.toString());
			var found = signals.api.get(filer.token(), "/api/v1/signals/reports?q="
					+ URLEncoder.encode(title, StandardCharsets.UTF_8) + "&limit=500").json();
			found.forEach(r -> ids.put(r.get("title").asString().substring(title.length() + 1), r.get("id").asString()));
		}
		else {
			for (String[] report : REPORTS) {
				List<Map<String, Object>> indicators = new ArrayList<>();
				for (int i = 4; i < report.length; i++) {
					String[] indicator = report[i].split("=", 2);
					indicators.add(SignalFixtures.indicator(indicator[0], values.getOrDefault(indicator[1], indicator[1])));
				}
				Map<String, Object> body = SignalFixtures.report(report[1], report[2], indicators);
				body.put("title", title + " " + report[0]);
				body.put("observedAt", report[3] + "T00:00:00Z");
				ids.put(report[0], signals.file(filer, body));
				awaitEvents(organisations);
			}
		}
		awaitEvents(organisations);
		Map<String, String> labels = new TreeMap<>();
		ids.forEach((label, id) -> labels.put(id, label));
		Map<String, TreeSet<String>> networks = new TreeMap<>();
		ids.forEach((label, id) -> {
			TreeSet<String> members = new TreeSet<>();
			signals.members(filer, id).forEach(m -> members.add(labels.getOrDefault(m, "?" + m)));
			networks.put(label, members);
		});
		Map<String, String> alerts = new TreeMap<>();
		analysts.forEach((country, analyst) -> {
			var inbox = signals.api.get(analyst.token(), "/api/v1/signals/alerts").json();
			for (JsonNode alert : inbox) {
				String report = labels.get(alert.get("report").get("id").asString());
				if (report == null) {
					continue;
				}
				TreeSet<String> linked = new TreeSet<>();
				alert.get("linkedReports").forEach(r -> linked.add(labels.getOrDefault(r.get("id").asString(), "?")));
				List<String> countries = alert.get("countries").valueStream().map(JsonNode::asString).toList();
				TreeSet<String> shown = new TreeSet<>();
				alert.get("values").forEach(v -> shown.add(label(values, v.get("canonical").asString())));
				alerts.put(country + " " + report, "linked=" + linked + " countries=" + countries + " values=" + shown);
			}
		});
		// an organisation of a fifth country, named in no report: what TLP lets it see of each network
		Analyst stranger = signals.analyst("PH");
		Map<String, String> strangerView = new TreeMap<>();
		ids.forEach((label, id) -> {
			var reply = signals.api.get(stranger.token(), "/api/v1/signals/reports/" + id + "/network");
			if (reply.status() != 200) {
				strangerView.put(label, "hidden");
				return;
			}
			TreeSet<String> members = new TreeSet<>();
			reply.json().get("reports").forEach(m -> members.add(labels.getOrDefault(m.asString(), "?")));
			strangerView.put(label, members.toString());
		});
		String hotline = values.get("H").replaceAll("[^0-9+]", "");
		boolean flagged = jdbc.sql("SELECT count(*) FROM signals_value WHERE type = 'phone' AND canonical = ?"
				+ " AND flagged_at IS NOT NULL").param(hotline).query(Long.class).single() > 0;
		return new Outcome(networks, alerts, strangerView, flagged);
	}

	/**
	 * Waits until every event listener (early warning, webhooks) has handled what these organisations filed and were
	 * alerted to; other tests' outstanding events (a failing webhook of theirs, say) are none of this test's business.
	 */
	private void awaitEvents(List<String> organisations) {
		new Publications(jdbc).awaitHandled(organisations);
	}

	private static String label(Map<String, String> values, String canonical) {
		return values.entrySet().stream()
				.filter(e -> e.getValue().equalsIgnoreCase(canonical)
						|| e.getValue().replaceAll("[^0-9+]", "").equals(canonical))
				.map(Map.Entry::getKey).findFirst().orElse(canonical);
	}

	private static String digits(int length) {
		StringBuilder digits = new StringBuilder();
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		digits.append(1 + random.nextInt(9));
		while (digits.length() < length) {
			digits.append(random.nextInt(10));
		}
		return digits.toString();
	}

	private record Outcome(Map<String, TreeSet<String>> networks, Map<String, String> alerts,
			Map<String, String> strangerView, boolean hotlineFlagged) {
	}
}
