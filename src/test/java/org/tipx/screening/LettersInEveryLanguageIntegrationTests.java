package org.tipx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * Letters in the languages of the people who carry them: Thai and Khmer letters issued through the API come back as
 * PDFs whose text reads in its own script and whose QR code opens a verification page that says genuine and current;
 * an unknown language is refused naming the ones accepted; the result page offers all ten by name.
 */
@TipxIntegrationTest
class LettersInEveryLanguageIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	Fixtures fixtures;

	String screenerName;

	String screener;

	@BeforeEach
	void screener() {
		fixtures = new Fixtures(new Api(port));
		String organisation = fixtures.organisation("CONSULATE", "TH");
		screenerName = fixtures.account(organisation, "SCREENER");
		screener = fixtures.tokenFor(screenerName);
	}

	String confirmedVictim() {
		Reply reply = fixtures.api.post(screener, "/api/v1/screenings", Map.of("formId", "tipx-screening",
				"language", "en", "answers", Map.of("nationality", "KH", "age_band", "25_34", "A3", "yes", "C1", "yes",
						"E1", "yes", "I3", "yes", "full_name", "Sok Dara", "document_number", "N0123456"),
				"consent", Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", false,
						"research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		String id = reply.json().get("id").asString();
		assertThat(fixtures.api.post(screener, "/api/v1/screenings/" + id + "/confirm", null).status()).isEqualTo(200);
		return id;
	}

	@Test
	void thaiAndKhmerLettersReadInTheirOwnScriptAndTheirQrCodesVerify() throws Exception {
		String id = confirmedVictim();
		Map<String, String> titles = Map.of("th", "การวินิจฉัยตามหลักการไม่ลงโทษ", "km",
				"សេចក្តីសម្រេចស្តីពីការមិនដាក់ទណ្ឌកម្ម");
		for (String language : List.of("th", "km")) {
			Reply issued = fixtures.api.post(screener, "/api/v1/screenings/" + id + "/letters",
					Map.of("language", language));
			assertThat(issued.status()).as(issued.body()).isEqualTo(201);
			String code = issued.json().get("code").asString();
			assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]");
			HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/api/v1/screenings/letters/" + code)).header("Authorization", "Bearer " + screener).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(pdf.statusCode()).isEqualTo(200);
			try (PDDocument document = Loader.loadPDF(pdf.body())) {
				String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
				assertThat(text).contains(titles.get(language)).contains("SokDara", "N0123456", code)
						.contains("Non-punishmentdetermination");
				BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
				String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
						new BufferedImageLuminanceSource(page)))).getText();
				assertThat(scanned).endsWith("/verify/" + code);
				Page verified = new Visitor(port).get(URI.create(scanned).getPath());
				assertThat(verified.html().selectFirst("#verdict").attr("data-status")).isEqualTo("CURRENT");
			}
		}
	}

	@Test
	void anUnknownLanguageIsRefusedNamingTheTenAccepted() {
		String id = confirmedVictim();
		Reply refused = fixtures.api.post(screener, "/api/v1/screenings/" + id + "/letters", Map.of("language", "de"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("language");
		assertThat(refused.json().get("errors").get(0).get("message").asString())
				.contains("en, id, th, km, my, lo, vi, fil, ms, zh");
		assertThat(fixtures.api.get(screener, "/api/v1/screenings/" + id + "/letters").json().size()).isZero();
	}

	@Test
	void theResultPageOffersTheTenLanguagesByNameAndWarnsThatQrCodesPointToLocalhost() {
		String id = confirmedVictim();
		Page page = Visitor.loggedIn(port, screenerName, Fixtures.PASSWORD).get("/screenings/" + id);
		var options = page.html().select("#letter-language option");
		assertThat(options.eachAttr("value")).containsExactly("en", "id", "th", "km", "my", "lo", "vi", "fil", "ms",
				"zh");
		assertThat(options.eachText()).contains("English").anySatisfy(name -> assertThat(name).contains("Thai",
				"ไทย", "draft")).anySatisfy(name -> assertThat(name).contains("Khmer", "ខ្មែរ"));
		// the test installation keeps TIPX_PUBLIC_URL at its default
		assertThat(page.text("#letter-qr-localhost")).contains("localhost", "TIPX_PUBLIC_URL");
		assertThat(page.text("#letter-drafts")).contains("English");
	}
}
