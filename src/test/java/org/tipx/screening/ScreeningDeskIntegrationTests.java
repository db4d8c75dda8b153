package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import tools.jackson.databind.JsonNode;

/**
 * The officer's side of a screening: confirm or override (both outcomes kept), void (never deleted), notify the
 * country of nationality only with consent, referral contacts by country, and the non-punishment letter — drawn,
 * rendered to an image to check its text and QR code, verified publicly without personal data, withdrawn on void, and
 * a tampered code recognised. Every step is in the audit trail.
 */
@TipxIntegrationTest
class ScreeningDeskIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	Fixtures fixtures;

	String organisation;

	String screener;

	@BeforeEach
	void screener() {
		fixtures = new Fixtures(new Api(port));
		organisation = fixtures.organisation("CONSULATE", "TH");
		screener = fixtures.tokenFor(fixtures.account(organisation, "SCREENER"));
	}

	String screen(String nationality, boolean share, Object... pairs) {
		Map<String, Object> answers = new HashMap<>(Map.of("nationality", nationality, "age_band", "25_34"));
		for (int i = 0; i < pairs.length; i += 2) {
			answers.put((String) pairs[i], pairs[i + 1]);
		}
		Reply reply = fixtures.api.post(screener, "/api/v1/screenings", Map.of("formId", "tipx-screening",
				"language", "en", "answers", answers, "consent", Map.of("assistance", true, "referral", true,
						"shareWithCountryOfNationality", share, "research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	String victim() {
		return screen("ID", true, "A3", "yes", "C1", "yes", "E1", "yes", "I3", "yes", "full_name", "Rina Wulandari",
				"document_number", "X1234567");
	}

	@Test
	void anOverrideKeepsBothOutcomesNeedsAReasonAndIsAudited() {
		String id = victim();

		Reply tooShort = fixtures.api.post(screener, "/api/v1/screenings/" + id + "/override",
				Map.of("outcome", "POSSIBLE_VICTIM", "reason", "no"));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

		Reply overridden = fixtures.api.post(screener, "/api/v1/screenings/" + id + "/override",
				Map.of("outcome", "POSSIBLE_VICTIM", "reason", "Account inconsistent; specialist to assess tomorrow"));
		assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
		JsonNode result = overridden.json();
		assertThat(result.get("outcome").asString()).isEqualTo("PRESUMED_VICTIM");
		assertThat(result.get("decision").get("finalOutcome").asString()).isEqualTo("POSSIBLE_VICTIM");
		assertThat(result.get("decision").get("state").asString()).isEqualTo("OVERRIDDEN");
		assertThat(audited(id)).contains("screening.create", "screening.override");
	}

	@Test
	void aVoidedScreeningIsKeptItsLetterWithdrawnAndTheVerificationPageSaysSo() throws Exception {
		String id = victim();
		assertThat(fixtures.api.post(screener, "/api/v1/screenings/" + id + "/letters", Map.of("language", "en"))
				.status()).isEqualTo(409);
		fixtures.api.post(screener, "/api/v1/screenings/" + id + "/confirm", null);
		Reply issued = fixtures.api.post(screener, "/api/v1/screenings/" + id + "/letters", Map.of("language", "en"));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String code = issued.json().get("code").asString();

		Visitor anyone = new Visitor(port);
		var current = anyone.get("/verify/" + code);
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.html().selectFirst("#verdict").attr("data-status")).isEqualTo("CURRENT");
		assertThat(current.text("#verdict")).contains("Genuine and current").doesNotContain("Rina")
				.doesNotContain("X1234567");

		Reply voided = fixtures.api.post(screener, "/api/v1/screenings/" + id + "/void",
				Map.of("reason", "Duplicate of an earlier screening of the same person"));
		assertThat(voided.json().get("decision").get("voided").asBoolean()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM screening WHERE id = ?::uuid").param(id).query(Integer.class).single())
				.isEqualTo(1);
		assertThat(anyone.get("/verify/" + code).html().selectFirst("#verdict").attr("data-status"))
				.isEqualTo("WITHDRAWN");
		assertThat(fixtures.api.post(screener, "/api/v1/screenings/" + id + "/confirm", null).status()).isEqualTo(409);
		assertThat(audited(id)).contains("screening.confirm", "screening.letter.issue", "screening.void",
				"screening.letter.withdraw");
	}

	@Test
	void aTamperedOrUnknownCodeIsNotAGenuineLetter() {
		String id = victim();
		fixtures.api.post(screener, "/api/v1/screenings/" + id + "/confirm", null);
		String code = fixtures.api.post(screener, "/api/v1/screenings/" + id + "/letters", Map.of("language", "id"))
				.json().get("code").asString();
		char first = code.charAt(0);
		String tampered = (first == '7' ? '8' : '7') + code.substring(1);

		Visitor anyone = new Visitor(port);
		assertThat(anyone.get("/verify/" + tampered).html().selectFirst("#verdict").attr("data-status"))
				.isEqualTo("INVALID");
		assertThat(anyone.get("/verify/" + code.toLowerCase().replace("-", "")).html().selectFirst("#verdict")
				.attr("data-status")).isEqualTo("CURRENT");
		assertThat(anyone.get("/verify/0000-0000-0000-0").html().selectFirst("#verdict").attr("data-status"))
				.isEqualTo("UNKNOWN");
	}

	@Test
	void theLetterRendersInEnglishAndIndonesianWithItsTextAndAReadableQrCode() throws Exception {
		String id = victim();
		fixtures.api.post(screener, "/api/v1/screenings/" + id + "/confirm", null);
		for (String language : List.of("en", "id")) {
			String code = fixtures.api.post(screener, "/api/v1/screenings/" + id + "/letters",
					Map.of("language", language)).json().get("code").asString();
			HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/api/v1/screenings/letters/" + code)).header("Authorization", "Bearer " + screener).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(pdf.statusCode()).isEqualTo(200);
			try (PDDocument document = Loader.loadPDF(pdf.body())) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains("Rina Wulandari").contains("X1234567").contains(code);
				assertThat(text).contains(language.equals("en") ? "Non-punishment determination"
						: "Penetapan non-penghukuman");
				assertThat(text).contains(language.equals("en") ? "Waive overstay fines" : "Hapuskan denda");
				BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
				assertThat(inkShare(page)).isBetween(0.01, 0.5);
				String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
						new BufferedImageLuminanceSource(page)))).getText();
				assertThat(scanned).endsWith("/verify/" + code);
			}
		}
		assertThat(audited(id)).contains("screening.letter.render");
		assertThat(fixtures.api.post(screener, "/api/v1/screenings/" + id + "/letters", Map.of("language", "de"))
				.json().get("errors").get(0).get("field").asString()).isEqualTo("language");
	}

	@Test
	void theCountryOfNationalityIsNotifiedOnlyWithConsentAndOnlyWhereItHasAFocalPoint() {
		String withoutConsent = screen("VN", false, "C1", "yes");
		assertThat(fixtures.api.post(screener, "/api/v1/screenings/" + withoutConsent + "/notify-country", null)
				.status()).isEqualTo(409);

		// a country no other test has given a focal point (other tests give Laos, Thailand... theirs, in any order)
		String country = countryWithoutOrganisations();
		String nobodyThere = screen(country, true, "C1", "yes");
		Reply noFocalPoint = fixtures.api.post(screener, "/api/v1/screenings/" + nobodyThere + "/notify-country", null);
		assertThat(noFocalPoint.status()).isEqualTo(409);
		assertThat(noFocalPoint.json().get("errors").get(0).get("field").asString()).isEqualTo("nationality");

		String vientiane = fixtures.organisation("GOVERNMENT", country);
		fixtures.account(vientiane, "FOCAL_POINT");
		Reply notified = fixtures.api.post(screener, "/api/v1/screenings/" + nobodyThere + "/notify-country", null);
		assertThat(notified.status()).as(notified.body()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM screening_notice WHERE screening_id = ?::uuid AND to_organisation_id = ?::uuid")
				.params(nobodyThere, vientiane).query(Integer.class).single()).isEqualTo(1);
		assertThat(audited(nobodyThere)).contains("screening.notify");
	}

	@Test
	void referralContactsAreKeptByOrganisationAdminsAndShownForTheNationalityAndTheOfficersCountry() {
		String orgAdmin = fixtures.tokenFor(fixtures.account(organisation, "ORG_ADMIN"));
		Reply bad = fixtures.api.post(orgAdmin, "/api/v1/referral-contacts", Map.of("country", "Indonesia", "kind",
				"HOTLINE", "name", "x"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains("country",
				"phone");
		assertThat(fixtures.api.post(screener, "/api/v1/referral-contacts", Map.of("country", "ID", "kind", "HOTLINE",
				"name", "x", "phone", "123")).status()).isEqualTo(403);

		String hotline = "Hotline " + Fixtures.unique("id");
		fixtures.api.post(orgAdmin, "/api/v1/referral-contacts", Map.of("country", "ID", "kind", "HOTLINE", "name",
				hotline, "phone", "+62 21 1500 000", "languages", List.of("id", "en"), "hours", "24/7"));
		String consular = "Consular desk " + Fixtures.unique("th");
		fixtures.api.post(orgAdmin, "/api/v1/referral-contacts", Map.of("country", "TH", "kind",
				"CONSULAR_PROTECTION", "name", consular, "email", "protect@example.org"));
		String elsewhere = "Shelter " + Fixtures.unique("ph");
		fixtures.api.post(orgAdmin, "/api/v1/referral-contacts", Map.of("country", "PH", "kind", "VICTIM_SUPPORT",
				"name", elsewhere, "website", "https://example.org/shelter"));

		String id = victim();
		Visitor officer = Visitor.loggedIn(port, fixtures.account(organisation, "SCREENER"), Fixtures.PASSWORD);
		var page = officer.get("/screenings/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("#contacts")).contains(hotline).contains("+62 21 1500 000").contains("24/7")
				.contains(consular).doesNotContain(elsewhere);
		assertThat(page.text("#computed-outcome")).contains("Presumed victim");
		assertThat(page.html().select(".reasons li").eachAttr("data-rule")).contains("strong-coercion");
	}

	/** A country where no organisation is registered yet, drawn at random so that reruns do not meet. */
	private String countryWithoutOrganisations() {
		List<String> countries = new ArrayList<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
		Collections.shuffle(countries);
		List<String> taken = jdbc.sql("SELECT DISTINCT country FROM directory_organisation").query(String.class).list();
		return countries.stream().filter(c -> !taken.contains(c)).findFirst().orElseThrow();
	}

	private List<String> audited(String id) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE object_id = ? ORDER BY seq").param(id)
				.query(String.class).list();
	}

	private static double inkShare(BufferedImage image) {
		long dark = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
				if (grey < 128) {
					dark++;
				}
			}
		}
		return (double) dark / ((long) image.getWidth() * image.getHeight());
	}
}
