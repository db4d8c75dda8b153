package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.signals.web.ReportPagesFixtures.indicator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;
import org.tipx.signals.web.ReportPagesFixtures.Member;

/**
 * A value typed as people of the organisation write it locally is found: a lookup without a country reads it in the
 * caller's organisation's country and says so, and the reports search box reads a loosely typed phone, URL, handle
 * or wallet as the canonical value reports store.
 */
@TipxIntegrationTest
class LocalValuesIntegrationTests {

	@LocalServerPort
	int port;

	ReportPagesFixtures fixtures;

	Member jakarta;

	@BeforeEach
	void anIndonesianOrganisation() {
		fixtures = new ReportPagesFixtures(new Api(port));
		jakarta = fixtures.member("ID", "ANALYST");
	}

	@Test
	void aLocalNumberLookedUpWithoutACountryIsReadInTheCallersCountryAndFound() {
		String digits = uniqueDigits();
		String report = fixtures.file(jakarta, Fixtures.unique("Recruiter"), "GREEN", "ID", List.of(),
				indicator("phone", "+62 812 " + digits));
		String local = "0812 " + digits.substring(0, 4) + " " + digits.substring(4);

		var reply = fixtures.api.get(jakarta.token(), "/api/v1/signals/lookup?type=phone&value=" + encoded(local));

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().get("canonical").asString()).isEqualTo("+62812" + digits);
		assertThat(reply.json().get("assumedCountry").asString()).isEqualTo("ID");
		assertThat(reply.json().get("reports").valueStream().map(r -> r.get("id").asString())).containsExactly(report);

		var given = fixtures.api.get(jakarta.token(), "/api/v1/signals/lookup?type=phone&country=KH&value=" + encoded(local));
		assertThat(given.json().get("assumedCountry").isNull()).as("a country given is not assumed").isTrue();
		assertThat(given.json().get("reports").size()).isZero();
		var international = fixtures.api.get(jakarta.token(), "/api/v1/signals/lookup?type=phone&value="
				+ encoded("+62 812 " + digits));
		assertThat(international.json().get("assumedCountry").isNull()).as("no country needed, none assumed").isTrue();
		assertThat(international.json().get("reports").size()).isEqualTo(1);

		Visitor analyst = Visitor.loggedIn(port, jakarta.username(), Fixtures.PASSWORD);
		assertThat(analyst.get("/signals/lookup").html().selectFirst("#one-country option[value='']").text())
				.isEqualTo("Your organisation’s country (Indonesia)");
		Page page = analyst.get("/signals/lookup?type=phone&value=" + encoded(local));
		assertThat(page.text("#answer-1 .canonical")).isEqualTo("+62812" + digits);
		assertThat(page.text("#answer-1 .assumed-country"))
				.isEqualTo("Read as written in Indonesia, your organisation’s country. Choose another country if it was not.");
		assertThat(page.html().select("#answer-1 a").eachAttr("href")).containsExactly("/signals/reports/" + report);
		assertThat(analyst.speaking("id").get("/signals/lookup?type=phone&value=" + encoded(local))
				.text("#answer-1 .assumed-country")).startsWith("Dibaca sebagai tertulis di Indonesia");
	}

	@Test
	void theReportsSearchFindsALocalNumberAUrlAHandleAndAWalletTypedLoosely() {
		String digits = uniqueDigits();
		String handle = ReportPagesFixtures.uniqueHandle().substring("t.me/".length());
		String wallet = "0x" + Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE))
				+ "00000000000000000000000a";
		String path = Fixtures.unique("jobs").toLowerCase();
		String phoneReport = fixtures.file(jakarta, Fixtures.unique("Phone"), "GREEN", "ID", List.of(),
				indicator("phone", "+62812" + digits));
		String handleReport = fixtures.file(jakarta, Fixtures.unique("Handle"), "GREEN", "ID", List.of(),
				java.util.Map.of("type", "messaging_handle", "value", handle, "platform", "telegram"));
		String walletReport = fixtures.file(jakarta, Fixtures.unique("Wallet"), "GREEN", "ID", List.of(),
				indicator("crypto_address", wallet));
		String urlReport = fixtures.file(jakarta, Fixtures.unique("Site"), "GREEN", "ID", List.of(),
				indicator("url", "https://golden-jobs.com/" + path));
		Visitor analyst = Visitor.loggedIn(port, jakarta.username(), Fixtures.PASSWORD);

		assertThat(found(analyst, "0812 " + digits.substring(0, 4) + " " + digits.substring(4))).containsExactly(phoneReport);
		assertThat(found(analyst, "@" + handle.toUpperCase())).containsExactly(handleReport);
		assertThat(found(analyst, "  " + wallet.toUpperCase().replace("0X", "0x") + " ")).containsExactly(walletReport);
		assertThat(found(analyst, "HTTPS://Golden-Jobs.com/" + path + "?utm_source=facebook&fbclid=IwAR0"))
				.containsExactly(urlReport);

		var api = fixtures.api.get(jakarta.token(), "/api/v1/signals/reports?q=" + encoded("(0812) " + digits));
		assertThat(api.json().valueStream().map(r -> r.get("id").asString())).containsExactly(phoneReport);
	}

	private static List<String> found(Visitor analyst, String search) {
		Page page = analyst.get("/signals/reports?q=" + encoded(search));
		assertThat(page.status()).isEqualTo(200);
		return page.html().select("a[href^='/signals/reports/']").eachAttr("href").stream()
				.filter(h -> h.matches("/signals/reports/[0-9a-f-]{36}")).map(h -> h.substring("/signals/reports/".length()))
				.distinct().toList();
	}

	/** Eight digits no other test files after +62 812. */
	private static String uniqueDigits() {
		return String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
