package org.tipx.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * In a real (headless) browser on a tablet held upright: a screening finds a presumed victim and opens a case; the
 * consulate's case worker finds it on the case list and opens it; refers it, coded fields only, to an NGO in another
 * country; the NGO's case worker accepts it in the referral inbox and sees the case with only the shared fields.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseReferralBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	Fixtures fixtures;

	@BeforeAll
	void chromium() {
		browser = Browser.open(port, 800, 1280);
	}

	@BeforeEach
	void aNewVisitor() {
		browser.forget();
		fixtures = new Fixtures(new Api(port));
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.close();
		}
	}

	/** A presumed-victim screening with consent to assistance and referral; returns the case it opened. */
	JsonNode caseFromScreening(String screener, String caseWorker) {
		Reply reply = fixtures.api.post(fixtures.tokenFor(screener), "/api/v1/screenings", Map.of("formId",
				"tipx-screening", "language", "en", "answers", Map.of("nationality", "ID", "age_band", "25_34", "A3",
						"yes", "C1", "yes", "E1", "yes", "I3", "yes", "full_name", "Rina Wulandari"),
				"consent", Map.of("assistance", true, "referral", true, "shareWithCountryOfNationality", false,
						"research", false)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		String screeningId = reply.json().get("id").asString();
		String token = fixtures.tokenFor(caseWorker);
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode items = fixtures.api.get(token, "/api/v1/cases?screeningId=" + screeningId).json().get("items");
			return items.isEmpty() ? null : items.get(0);
		}, found -> found != null);
	}

	/** The words of an element as written, whatever case the style sheet shows them in. */
	String words(String selector) {
		return browser.find(selector).getAttribute("textContent").strip();
	}

	@Test
	void aCaseFromAScreeningIsReferredAbroadAndTheNgoSeesOnlyTheSharedFields() {
		String consulate = fixtures.organisation("CONSULATE", "TH");
		String screener = fixtures.account(consulate, "SCREENER");
		String caseWorker = fixtures.account(consulate, "CASE_WORKER");
		String ngo = fixtures.organisation("CIVIL_SOCIETY", "ID");
		String ngoWorker = fixtures.account(ngo, "CASE_WORKER");
		JsonNode opened = caseFromScreening(screener, caseWorker);
		String caseId = opened.get("id").asString();
		String reference = opened.get("reference").asString();
		// The personal fields stay with the screening; the case worker records them on the case.
		assertThat(fixtures.api.put(fixtures.tokenFor(caseWorker), "/api/v1/cases/" + caseId, Map.of("nationality",
				"ID", "traffickingStatus", "PRESUMED", "exploitationTypes", List.of("FORCED_CRIMINALITY"),
				"exploitationCountries", List.of("KH"), "personal",
				Map.of("fullName", "Rina Wulandari", "contacts", "+62 812 3456 7890"))).status()).isEqualTo(200);

		// The case worker finds the case on the list by the person's name and opens it.
		browser.logIn(caseWorker, Fixtures.PASSWORD).visit("/");
		browser.clickThrough(browser.find("#card-CASE_WORKER a[href='/cases']"));
		browser.field("q").sendKeys("Wulandari");
		browser.clickThrough(browser.field("filter"));
		assertThat(browser.findAll("tr.case-row a.case-link").stream().map(e -> e.getText()).toList())
				.containsExactly(reference);
		assertThat(browser.text("#case-" + caseId + " .nationality")).isEqualTo("Indonesia");
		browser.clickThrough(browser.find("#case-" + caseId + " a.case-link"));
		assertThat(browser.path()).isEqualTo("/cases/" + caseId);
		assertThat(browser.text("#trafficking-status")).isEqualTo("Presumed victim");
		assertThat(browser.text("#full-name")).isEqualTo("Rina Wulandari");
		assertThat(browser.text("#timeline")).contains("Case opened");

		// It refers the case to the NGO in Indonesia, coded fields only.
		browser.find("#refer summary").click();
		new Select(browser.field("toOrganisationId")).selectByValue(ngo);
		browser.find("label[for='services-SHELTER']").click();
		browser.find("label[for='services-PSYCHOSOCIAL']").click();
		browser.find("label[for='sharePersonal-no']").click();
		browser.field("referralNote").sendKeys("Arrives Tuesday by the morning bus");
		browser.clickThrough(browser.field("send-referral"));
		assertThat(browser.text("#notice")).startsWith("Referral sent to");
		assertThat(words(".referral .referral-state")).isEqualTo("Sent");
		assertThat(browser.text("#timeline")).contains("Referral sent");

		// The NGO's case worker accepts it in the referral inbox and opens the case.
		browser.forget();
		browser.logIn(ngoWorker, Fixtures.PASSWORD).visit("/referrals");
		String article = "article[data-case='" + caseId + "']";
		assertThat(words(article + " .referral-state")).isEqualTo("Sent");
		assertThat(browser.text(article + " .referral-note")).isEqualTo("Arrives Tuesday by the morning bus");
		assertThat(browser.findAll(article + " a.case-link")).as("no case to open before accepting").isEmpty();
		browser.clickThrough(browser.find(article + " button.accept"));
		assertThat(browser.text("#notice")).isEqualTo("Referral of case " + reference + " accepted.");
		assertThat(words(article + " .referral-state")).isEqualTo("Accepted");
		browser.clickThrough(browser.find(article + " a.case-link"));

		assertThat(browser.path()).isEqualTo("/cases/" + caseId);
		assertThat(browser.text("#access-referred")).contains("coded fields only");
		assertThat(browser.text("#trafficking-status")).isEqualTo("Presumed victim");
		assertThat(browser.text("#nationality")).isEqualTo("Indonesia");
		assertThat(browser.text("#personal-hidden")).contains("not shared");
		assertThat(browser.findAll("#full-name")).isEmpty();
		assertThat(browser.findAll("#timeline")).as("the timeline stays with the owner").isEmpty();
		assertThat(browser.findAll("#consent-form, #referral-form, #case-work")).isEmpty();
		assertThat(browser.driver().getPageSource()).doesNotContain("Wulandari");
		assertThat(browser.text("#exploitation-countries")).isEqualTo("Cambodia");
	}
}
