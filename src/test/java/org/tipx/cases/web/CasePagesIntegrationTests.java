package org.tipx.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api.Reply;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * The case pages over HTTP, as a browser without JavaScript uses them: the list's filters and search; the consent
 * panel recording a new version and the referral form saying in plain words which consent is missing; a case the
 * caller may not see answering the same 404 page as one that never existed; break-glass from its page.
 */
@TipxIntegrationTest
class CasePagesIntegrationTests {

	@LocalServerPort
	int port;

	Fixtures fixtures;

	String consulate;

	String caseWorker;

	String caseWorkerToken;

	String ngo;

	@BeforeEach
	void organisations() {
		fixtures = new Fixtures(new Api(port));
		consulate = fixtures.organisation("CONSULATE", "TH");
		caseWorker = fixtures.account(consulate, "CASE_WORKER");
		caseWorkerToken = fixtures.tokenFor(caseWorker);
		ngo = fixtures.organisation("CIVIL_SOCIETY", "ID");
	}

	/** Opens a case by hand over the API; returns its id and reference. */
	String[] open(String nationality, String name, Object referralConsent) {
		Reply reply = fixtures.api.post(caseWorkerToken, "/api/v1/cases", Map.of("traffickingStatus", "PRESUMED",
				"nationality", nationality, "personal", Map.of("fullName", name), "consent",
				Map.of("assistance", true, "referral", referralConsent, "shareWithCountryOfNationality", false,
						"research", false, "explainedIn", "id")));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return new String[] { reply.json().get("id").asString(), reply.json().get("reference").asString() };
	}

	static List<String> rows(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.html().select("tr.case-row a.case-link").eachText();
	}

	@Test
	void theListFiltersByNationalityReferralAndStatusAndFindsACaseByNameOrReference() {
		String[] indonesian = open("ID", "Rina Wulandari", true);
		String[] cambodian = open("KH", "Sokha Chan", true);
		assertThat(fixtures.api.post(caseWorkerToken, "/api/v1/cases/" + indonesian[0] + "/referrals",
				Map.of("toOrganisationId", ngo, "services", List.of("SHELTER"), "sharePersonal", false)).status())
				.isEqualTo(201);
		Visitor visitor = Visitor.loggedIn(port, caseWorker, Fixtures.PASSWORD);

		Page all = visitor.get("/cases");
		assertThat(all.status()).isEqualTo(200);
		assertThat(rows(all)).containsExactly(indonesian[1], cambodian[1]);
		assertThat(all.text("#case-" + indonesian[0] + " .nationality")).isEqualTo("Indonesia");
		assertThat(all.text("#case-" + indonesian[0] + " .status")).isEqualTo("Open");
		assertThat(all.text("#case-" + indonesian[0] + " .referral-state")).isEqualTo("Sent");
		assertThat(all.html().select("#new-case")).hasSize(1);

		assertThat(rows(visitor.get("/cases?nationality=KH"))).containsExactly(cambodian[1]);
		assertThat(rows(visitor.get("/cases?referral=SENT"))).containsExactly(indonesian[1]);
		assertThat(rows(visitor.get("/cases?status=CLOSED"))).isEmpty();
		assertThat(rows(visitor.get("/cases?status=OPEN&risk=HIGH"))).isEmpty();
		assertThat(rows(visitor.get("/cases?overdue=true"))).isEmpty();
		assertThat(rows(visitor.get("/cases?q=wulandari"))).containsExactly(indonesian[1]);
		assertThat(rows(visitor.get("/cases?q=" + cambodian[1]))).containsExactly(cambodian[1]);
		assertThat(rows(visitor.get("/cases?q=" + cambodian[0]))).containsExactly(cambodian[1]);

		Page none = visitor.get("/cases?nationality=KH&referral=SENT");
		assertThat(rows(none)).isEmpty();
		assertThat(none.text("#no-cases")).isEqualTo("No case matches these filters.");

		Page refused = visitor.get("/cases?q=x");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("#q-error")).contains("at least two letters");
		assertThat(refused.html().select("tr.case-row")).isEmpty();
		Page noSuchPage = visitor.get("/cases?page=abc");
		assertThat(noSuchPage.status()).isEqualTo(400);
		assertThat(noSuchPage.text(".error-summary")).contains("There is no such page.");
	}

	@Test
	void theListSpeaksBahasaIndonesia() {
		String[] opened = open("ID", "Ayu Lestari", true);
		Page page = Visitor.loggedIn(port, caseWorker, Fixtures.PASSWORD).speaking("id").get("/cases?lang=id");
		assertThat(page.text("h1")).isEqualTo("Kasus");
		assertThat(page.text("#case-" + opened[0] + " .status")).isEqualTo("Terbuka");
	}

	@Test
	void theConsentPanelRecordsANewVersionAndTheReferralFormNamesTheMissingConsent() {
		String[] opened = open("ID", "Rina Wulandari", false);
		String caseId = opened[0];
		Visitor visitor = Visitor.loggedIn(port, caseWorker, Fixtures.PASSWORD);
		Page casePage = visitor.get("/cases/" + caseId);
		assertThat(casePage.status()).isEqualTo(200);
		assertThat(casePage.text("#consent-version")).startsWith("Version 1 in force");
		assertThat(casePage.text("#consent-referral")).isEqualTo("To none");

		Page refused = visitor.submit("/cases/" + caseId + "/referrals", "toOrganisationId", ngo, "services",
				"SHELTER", "services", "MEDICAL", "sharePersonal", "false", "referralNote", "Arrives Tuesday");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("#referral-refused")).contains(
				"The person’s consent does not cover a referral to this kind of organisation. Record their consent first");
		Document form = refused.html();
		assertThat(form.select("#referral-form input[name=services][checked]").eachAttr("value"))
				.as("what was typed stays").containsExactly("SHELTER", "MEDICAL");
		assertThat(form.select("#no-referrals")).hasSize(1);

		Page missingLanguage = visitor.submit("/cases/" + caseId + "/consent", "assistance", "true", "referral",
				"ALL", "shareWithCountryOfNationality", "false", "research", "false", "explainedIn", "");
		assertThat(missingLanguage.status()).isEqualTo(400);
		assertThat(missingLanguage.text("#explainedIn-error")).contains("language");

		Page recorded = visitor.follow(visitor.submit("/cases/" + caseId + "/consent", "assistance", "true",
				"referral", "CHOSEN", "referralTypes", "CIVIL_SOCIETY", "shareWithCountryOfNationality", "false",
				"research", "false", "explainedIn", "id", "note", "Agreed after talking to her mother"));
		assertThat(recorded.status()).isEqualTo(200);
		assertThat(recorded.text("#notice")).isEqualTo("Consent version 2 recorded.");
		assertThat(recorded.text("#consent-version")).startsWith("Version 2 in force");
		assertThat(recorded.text("#consent-referral")).isEqualTo("Civil society organisation");
		assertThat(recorded.html().select("#consent-history tr.consent-version")).hasSize(2);
		assertThat(recorded.html().select("#timeline li[data-kind=consent.changed]").text()).contains("Consent recorded");

		Page sent = visitor.follow(visitor.submit("/cases/" + caseId + "/referrals", "toOrganisationId", ngo,
				"services", "SHELTER", "sharePersonal", "false"));
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.text(".referral .referral-state")).isEqualTo("Sent");
		assertThat(sent.html().select("#timeline li[data-kind=referral.sent]")).hasSize(1);
	}

	@Test
	void aCaseTheCallerMayNotSeeAnswersTheSame404PageAsOneThatNeverExisted() {
		String caseId = open("ID", "Rina Wulandari", true)[0];
		String stranger = fixtures.account(ngo, "CASE_WORKER");
		Visitor visitor = Visitor.loggedIn(port, stranger, Fixtures.PASSWORD);

		Page hidden = visitor.get("/cases/" + caseId);
		Page never = visitor.get("/cases/" + UUID.randomUUID());
		Page malformed = visitor.get("/cases/not-a-case");
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(never.status()).isEqualTo(404);
		assertThat(malformed.status()).isEqualTo(404);
		assertThat(hidden.text("h1")).isEqualTo(never.text("h1")).isNotBlank();
		assertThat(hidden.body()).doesNotContain("Wulandari");
		assertThat(visitor.submit("/cases/" + caseId + "/consent", "assistance", "false", "referral", "NONE",
				"shareWithCountryOfNationality", "false", "research", "false", "explainedIn", "id").status())
				.isEqualTo(404);
		assertThat(Visitor.loggedIn(port, caseWorker, Fixtures.PASSWORD).get("/cases/" + caseId + "/break-glass")
				.status()).as("the form says nothing either way").isEqualTo(200);
	}

	@Test
	void breakingTheGlassOpensTheCaseUntilAnHourLaterAndTheOwnerSeesWhoAndWhy() {
		String caseId = open("ID", "Rina Wulandari", true)[0];
		String borderWorker = fixtures.account(fixtures.organisation("BORDER_IMMIGRATION", "MY"), "CASE_WORKER");
		Visitor visitor = Visitor.loggedIn(port, borderWorker, Fixtures.PASSWORD);

		Page unknown = visitor.get("/cases/" + UUID.randomUUID() + "/break-glass");
		Page known = visitor.get("/cases/" + caseId + "/break-glass");
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(known.html().select("main form textarea").size())
				.isEqualTo(unknown.html().select("main form textarea").size());
		assertThat(visitor.submit("/cases/" + UUID.randomUUID() + "/break-glass", "reason",
				"Person at the border post tonight, needs shelter").status()).isEqualTo(404);

		visitor.get("/cases/" + caseId + "/break-glass");
		Page tooShort = visitor.submit("/cases/" + caseId + "/break-glass", "reason", "urgent");
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.text("#reason-error")).contains("at least 10 characters");
		assertThat(visitor.get("/cases/" + caseId).status()).isEqualTo(404);

		Page reading = visitor.follow(visitor.submit("/cases/" + caseId + "/break-glass", "reason",
				"Person at the border post tonight, needs shelter"));
		assertThat(reading.status()).isEqualTo(200);
		assertThat(reading.text("#access-break-glass")).contains("through break-glass until");
		assertThat(reading.text("#full-name")).isEqualTo("Rina Wulandari");

		Visitor owner = Visitor.loggedIn(port, caseWorker, Fixtures.PASSWORD);
		assertThat(owner.get("/cases/" + caseId).text("#break-glass-readings"))
				.contains(borderWorker, "Person at the border post tonight, needs shelter");
		assertThat(owner.get("/cases/break-glass").text(".break-glass-notice")).contains(borderWorker);
	}

	@Test
	void aCaseWorkerOpensACaseByHandAndARefusalIsShownBesideItsField() {
		Visitor visitor = Visitor.loggedIn(port, caseWorker, Fixtures.PASSWORD);
		Page form = visitor.get("/cases/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html().select("#traffickingStatus option").eachText()).contains("Presumed victim");

		Page refused = visitor.submit("/cases/new", "traffickingStatus", "PRESUMED", "nationality", "ZZ",
				"fullName", "Dewi Sartika", "dateOfBirth", "2999-01-01", "assistance", "true", "referral", "NONE",
				"explainedIn", "id");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("#nationality-error")).isEqualTo("Choose a country from the list.");
		assertThat(refused.text("#dateOfBirth-error")).isEqualTo("Enter a date of birth between 1900 and today.");
		assertThat(refused.html().selectFirst("#fullName").attr("value")).as("what was typed stays")
				.isEqualTo("Dewi Sartika");
		assertThat(rows(visitor.get("/cases"))).isEmpty();

		Page opened = visitor.follow(visitor.submit("/cases/new", "traffickingStatus", "PRESUMED", "nationality",
				"ID", "exploitationTypes", "FORCED_CRIMINALITY", "exploitationCountries", "KH", "exploitationCountries",
				"MM", "fullName", "Dewi Sartika", "assistance", "true", "referral", "NONE",
				"shareWithCountryOfNationality", "false", "research", "false", "explainedIn", "id"));
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.text("#notice")).matches("Case C-[0-9A-Z]+ is open\\.");
		assertThat(opened.text("#full-name")).isEqualTo("Dewi Sartika");
		assertThat(opened.text("#exploitation-types")).isEqualTo("Forced criminality (such as online scams)");
		assertThat(opened.text("#exploitation-countries")).startsWith("Cambodia, Myanmar");
		assertThat(opened.text("#consent-referral")).isEqualTo("To none");
		assertThat(opened.html().select("#timeline li[data-kind=case.opened]").text()).contains("Case opened");
	}

	@Test
	void theReferralInboxPutsWaitingReferralsFirstAndAsksForAReasonToDecline() {
		String first = open("ID", "Rina Wulandari", true)[0];
		String second = open("ID", "Ayu Lestari", true)[0];
		String[] referrals = new String[2];
		String[] cases = { first, second };
		for (int i = 0; i < 2; i++) {
			Reply sent = fixtures.api.post(caseWorkerToken, "/api/v1/cases/" + cases[i] + "/referrals",
					Map.of("toOrganisationId", ngo, "services", List.of("SHELTER"), "sharePersonal", true));
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);
			referrals[i] = sent.json().get("id").asString();
		}
		String ngoWorker = fixtures.account(ngo, "CASE_WORKER");
		Visitor receiver = Visitor.loggedIn(port, ngoWorker, Fixtures.PASSWORD);
		receiver.get("/referrals");
		receiver.follow(receiver.submit("/referrals/" + referrals[1] + "/accept"));

		Page inbox = receiver.get("/referrals");
		assertThat(inbox.html().select("article.referral").eachAttr("data-case")).containsExactly(first, second);
		Page refused = receiver.follow(receiver.submit("/referrals/" + referrals[0] + "/decline", "reason", " "));
		assertThat(refused.text("#decline-reason-error-" + referrals[0])).isEqualTo(
				"Give a reason: the other organisation and the record read it.");
		assertThat(refused.text("#referral-" + referrals[0] + " .referral-state")).isEqualTo("Sent");
		Page declined = receiver.follow(receiver.submit("/referrals/" + referrals[0] + "/decline", "reason",
				"No shelter places this month"));
		assertThat(declined.text("#referral-" + referrals[0] + " .referral-state")).isEqualTo("Declined");
		assertThat(receiver.get("/cases/" + first).status()).isEqualTo(404);
		assertThat(receiver.get("/cases/" + second).text("#full-name")).isEqualTo("Ayu Lestari");

		Visitor sender = Visitor.loggedIn(port, caseWorker, Fixtures.PASSWORD);
		Page outgoing = sender.get("/referrals?direction=outgoing");
		assertThat(outgoing.html().select("article.referral")).hasSize(2);
		Page revoked = sender.follow(sender.submit("/referrals/" + referrals[1] + "/revoke", "reason",
				"The person went home with her family"));
		assertThat(revoked.text("#referral-" + referrals[1] + " .referral-state")).isEqualTo("Revoked");
		assertThat(receiver.get("/cases/" + second).status()).isEqualTo(404);
		assertThat(receiver.submit("/referrals/" + UUID.randomUUID() + "/accept").status()).isEqualTo(404);
	}

	@Test
	void caseWorkersAndTheirSupervisorsFindTheCasesAndTheReferralInboxOnTheirHomePage() {
		Page home = Visitor.loggedIn(port, caseWorker, Fixtures.PASSWORD).get("/");
		assertThat(home.html().select("#card-CASE_WORKER a").eachAttr("href")).contains("/cases", "/referrals");
		assertThat(home.html().select("#card-CASE_WORKER .task--coming")).isEmpty();
		Visitor supervisor = Visitor.loggedIn(port, fixtures.account(consulate, "ORG_ADMIN"), Fixtures.PASSWORD);
		assertThat(supervisor.get("/").html().select("#card-ORG_ADMIN a").eachAttr("href"))
				.contains("/cases", "/referrals");
		Page list = supervisor.get("/cases");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.html().select("#new-case")).as("only case workers open cases").isEmpty();
		assertThat(supervisor.get("/referrals").status()).isEqualTo(200);
	}

	@Test
	void aSupervisorSendsAReferralTheConsentDoesNotCoverOnlyWithAWrittenReason() {
		String caseId = open("ID", "Rina Wulandari", false)[0];
		Visitor supervisor = Visitor.loggedIn(port, fixtures.account(consulate, "ORG_ADMIN"), Fixtures.PASSWORD);
		Page casePage = supervisor.get("/cases/" + caseId);
		assertThat(casePage.html().select("#referral-form textarea[name=consentOverride]")).hasSize(1);
		assertThat(Visitor.loggedIn(port, caseWorker, Fixtures.PASSWORD).get("/cases/" + caseId).html()
				.select("#referral-form textarea[name=consentOverride]")).as("case workers are not offered it").isEmpty();

		Page sent = supervisor.follow(supervisor.submit("/cases/" + caseId + "/referrals", "toOrganisationId", ngo,
				"services", "LEGAL_AID", "sharePersonal", "false", "consentOverride",
				"Court hearing tomorrow; the person asked for a lawyer in front of the judge"));
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.text(".referral")).contains("Sent without the consent covering it",
				"Court hearing tomorrow");
	}
}
