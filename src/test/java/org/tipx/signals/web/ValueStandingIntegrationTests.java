package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.signals.web.ReportPagesFixtures.indicator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
 * A value that will never link says so wherever it is shown, with the reason: the warning list's note, or "held by
 * too many reports: under review" for a value the automatic cap flagged, which never says how many reports hold it.
 */
@TipxIntegrationTest
class ValueStandingIntegrationTests {

	@LocalServerPort
	int port;

	ReportPagesFixtures fixtures;

	Member phnomPenh;

	Member hanoi;

	@BeforeEach
	void twoOrganisations() {
		fixtures = new ReportPagesFixtures(new Api(port));
		phnomPenh = fixtures.member("KH", "ANALYST");
		hanoi = fixtures.member("VN", "ANALYST");
	}

	@Test
	void aWarningListedValueIsMarkedWithItsReasonInThePreviewTheLookupAndTheReportPage() {
		String domain = Fixtures.unique("shortener").toLowerCase() + ".com";
		var listed = fixtures.api.post(fixtures.directory.admin, "/api/v1/signals/warning-list",
				Map.of("type", "domain", "value", domain, "note", "link shortener used by everyone"));
		assertThat(listed.status()).as(listed.body()).isEqualTo(201);
		String report = fixtures.file(phnomPenh, Fixtures.unique("Shortened link"), "GREEN", "KH", List.of(),
				indicator("domain", "WWW." + domain.toUpperCase()), indicator("url", "https://" + domain + "/abc"));

		var normalised = fixtures.api.get(hanoi.token(), "/api/v1/signals/normalise?type=url&value="
				+ encoded("https://" + domain + "/abc")).json();
		assertThat(normalised.get("warningListed").asBoolean()).as("the URL itself is not listed").isFalse();
		assertThat(normalised.get("derived").valueStream().filter(d -> d.get("canonical").asString().equals(domain))
				.map(d -> d.get("warningListed").asBoolean() + " " + d.get("warningReason").asString()))
				.containsExactly("true link shortener used by everyone");
		var direct = fixtures.api.get(hanoi.token(), "/api/v1/signals/normalise?type=domain&value=www." + domain).json();
		assertThat(direct.get("warningListed").asBoolean()).isTrue();
		assertThat(direct.get("warningReason").asString()).isEqualTo("link shortener used by everyone");
		assertThat(direct.get("flagged").asBoolean()).isFalse();

		Visitor analyst = Visitor.loggedIn(port, phnomPenh.username(), Fixtures.PASSWORD);
		Page preview = analyst.get("/signals/reports/new/preview?type=domain&value=www." + domain);
		assertThat(preview.text(".preview__standing"))
				.isEqualTo("On the warning list: never links Why: link shortener used by everyone");

		var lookup = fixtures.api.get(hanoi.token(), "/api/v1/signals/lookup?type=domain&value=" + domain).json();
		assertThat(lookup.get("warningListed").asBoolean()).isTrue();
		assertThat(lookup.get("warningReason").asString()).isEqualTo("link shortener used by everyone");
		Page looked = analyst.get("/signals/lookup?type=domain&value=" + domain);
		assertThat(looked.text("#answer-1 .warning-flag"))
				.isEqualTo("On the warning list: never links Why: link shortener used by everyone");

		Page page = analyst.get("/signals/reports/" + report);
		assertThat(page.html().select("table.indicators .standing--listed").eachText())
				.as("the www domain, the domain it implies, and the domain the URL implies").hasSize(3)
				.containsOnly("On the warning list: never links Why: link shortener used by everyone");
		assertThat(analyst.speaking("id").get("/signals/reports/" + report).text("table.indicators .standing--listed"))
				.startsWith("Ada di daftar peringatan");
	}

	@Test
	void aValueTheCapFlaggedIsUnderReviewForThoseWhoSeeItsHoldersAndUnmarkedForThoseWhoDoNot() {
		// +855 12 and any six digits is a valid Cambodian mobile number (a third of +855 23 ones are not, and never link)
		String hotline = "+855 12 " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		String canonical = hotline.replace(" ", "");
		String report = null;
		for (int i = 0; i < 6; i++) {
			// RED, named to nobody: Hanoi sees none of them, Phnom Penh all six (the cap is 5 in tests).
			report = fixtures.file(phnomPenh, Fixtures.unique("Hotline"), "RED", "KH", List.of(),
					indicator("phone", hotline), indicator("email", Fixtures.unique("victim").toLowerCase() + "@example.org"));
		}

		var lookup = fixtures.api.get(phnomPenh.token(), "/api/v1/signals/lookup?type=phone&value=" + encoded(hotline));
		assertThat(lookup.json().get("flagged").asBoolean()).isTrue();
		assertThat(lookup.json().get("flagReason").asString()).isEqualTo("held by too many reports: under review");
		assertThat(lookup.json().get("reports").size()).isEqualTo(6);
		assertThat(lookup.body()).as("the cap's own reason counts every holder").doesNotContain("cap ", "groups");
		Visitor holder = Visitor.loggedIn(port, phnomPenh.username(), Fixtures.PASSWORD);
		assertThat(holder.get("/signals/lookup?type=phone&value=" + encoded(hotline)).text("#answer-1 .warning-flag"))
				.isEqualTo("Held by too many reports: under review"
						+ " It may not link reports until an administrator has reviewed it.");
		assertThat(holder.get("/signals/reports/new/preview?type=phone&value=" + encoded(hotline))
				.text(".preview__standing")).startsWith("Held by too many reports: under review");
		Page page = holder.get("/signals/reports/" + report);
		assertThat(page.html().select("table.indicators tr").stream()
				.filter(row -> row.text().contains(canonical)).findFirst().orElseThrow().select(".standing--flagged").text())
				.startsWith("Held by too many reports: under review");

		// For Hanoi the value links as before (ADR 0015): saying it is flagged would tell of reports it may not see.
		var outside = fixtures.api.get(hanoi.token(), "/api/v1/signals/lookup?type=phone&value=" + encoded(hotline));
		assertThat(outside.json().get("flagged").asBoolean()).isFalse();
		assertThat(outside.json().get("flagReason").isNull()).isTrue();
		assertThat(outside.json().get("reports").size()).isZero();
		var normalised = fixtures.api.get(hanoi.token(), "/api/v1/signals/normalise?type=phone&value=" + encoded(hotline));
		assertThat(normalised.json().get("flagged").asBoolean()).isFalse();
		Visitor outsider = Visitor.loggedIn(port, hanoi.username(), Fixtures.PASSWORD);
		assertThat(outsider.get("/signals/lookup?type=phone&value=" + encoded(hotline)).text("#answer-1 .warning-flag"))
				.isEqualTo("No");
		assertThat(outsider.get("/signals/reports/new/preview?type=phone&value=" + encoded(hotline)).html()
				.select(".preview__standing")).isEmpty();
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
