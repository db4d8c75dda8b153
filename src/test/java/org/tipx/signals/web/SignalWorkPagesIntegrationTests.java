package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;
import org.tipx.signals.web.SignalWork.Agency;

/**
 * The signal work pages over HTTP, as a browser without JavaScript uses them: lookups of one value and of a pasted
 * list, the warning list kept by administrators only, imports through the upload form, and triage kept for focal
 * points. Each page answers what the API answers, under the same rules.
 */
@TipxIntegrationTest
class SignalWorkPagesIntegrationTests {

	@LocalServerPort
	int port;

	SignalWork work;

	Agency cambodia;

	Agency thailand;

	@BeforeEach
	void twoAgencies() {
		work = new SignalWork(new Api(port));
		cambodia = work.agency("KH");
		thailand = work.agency("TH");
	}

	@Test
	void aLookupOfOneValueShowsItsCanonicalFormAndOnlyTheReportsTheCallerMaySee() {
		String wallet = SignalWork.wallet();
		String shared = work.report(cambodia, "GREEN", wallet);
		String hidden = work.report(cambodia, "RED", wallet);
		Visitor analyst = Visitor.loggedIn(port, thailand.analyst(), Fixtures.PASSWORD);

		Page page = analyst.get("/signals/lookup?type=crypto_address&value=" + wallet.toUpperCase().replace("0X", "0x"));

		assertThat(page.status()).isEqualTo(200);
		Element answer = page.html().selectFirst("#answer-1");
		assertThat(answer.selectFirst(".canonical").text()).isEqualTo(wallet);
		assertThat(answer.selectFirst(".known").text()).isEqualTo("Known: in 1 report from 1 organisation");
		assertThat(answer.select("a").eachAttr("href")).containsExactly("/signals/reports/" + shared);
		assertThat(page.body()).doesNotContain(hidden);
		assertThat(answer.selectFirst(".warning-flag").text()).isEqualTo("No");

		Page unknown = analyst.get("/signals/lookup?type=crypto_address&value=" + SignalWork.wallet());
		assertThat(unknown.text("#answer-1 .known")).isEqualTo("Not in any report you may see");
	}

	@Test
	void aPastedListIsAnsweredLineByLineInOrderAndAnOverlongListIsRefusedBesideTheField() {
		String known = SignalWork.wallet();
		String report = work.report(cambodia, "GREEN", known);
		Visitor analyst = Visitor.loggedIn(port, thailand.analyst(), Fixtures.PASSWORD);
		analyst.get("/signals/lookup");

		Page answers = analyst.submit("/signals/lookup", "type", "crypto_address", "values",
				SignalWork.wallet() + "\n\n  " + known + "  \nnot-a-wallet\n");

		assertThat(answers.status()).isEqualTo(200);
		assertThat(answers.html().select("tr.answer")).hasSize(3);
		assertThat(answers.text("#answer-1 .known")).isEqualTo("Not in any report you may see");
		assertThat(answers.text("#answer-2 .canonical")).isEqualTo(known);
		assertThat(answers.html().select("#answer-2 a").eachAttr("href")).containsExactly("/signals/reports/" + report);
		assertThat(answers.text("#answer-3")).contains("not-a-wallet", "Does not parse");

		String tooMany = IntStream.rangeClosed(0, 1000).mapToObj(i -> "0x" + i).collect(Collectors.joining("\n"));
		Page refused = analyst.submit("/signals/lookup", "type", "crypto_address", "values", tooMany);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("#values-error")).isEqualTo("At most 1,000 values at once; you pasted 1,001. Split the list.");
		assertThat(refused.html().select("tr.answer")).isEmpty();
		Page noType = analyst.submit("/signals/lookup", "type", "", "values", known);
		assertThat(noType.status()).isEqualTo(400);
		assertThat(noType.text("#type-error")).isEqualTo("Choose the type of the values.");
		assertThat(noType.html().selectFirst("#type").attr("aria-invalid")).isEqualTo("true");
		assertThat(noType.html().select(".error-summary a").eachAttr("href")).containsExactly("#type");
		assertThat(noType.html().select("#one-type-error")).as("only the form that was sent shows the error").isEmpty();
	}

	@Test
	void aListOverTheLookupRateLimitIsRefusedWithTheWaitAndNothingIsAnswered() {
		Visitor analyst = Visitor.loggedIn(port, work.agency("MY").analyst(), Fixtures.PASSWORD);
		analyst.get("/signals/lookup");
		String overLimit = IntStream.rangeClosed(1, 601).mapToObj(i -> SignalWork.wallet())
				.collect(Collectors.joining("\n"));

		Page refused = analyst.submit("/signals/lookup", "type", "crypto_address", "values", overLimit);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.text(".error-summary")).containsPattern("too many values this minute. Try again in \\d+ seconds");
		assertThat(refused.html().select("tr.answer")).isEmpty();
	}

	@Test
	void theSignalWorkPagesSpeakBahasaIndonesia() {
		Visitor analyst = Visitor.loggedIn(port, thailand.analyst(), Fixtures.PASSWORD).speaking("id");

		assertThat(analyst.get("/signals/lookup").text("h1")).isEqualTo("Siapa lagi yang pernah melihat ini?");
		assertThat(analyst.get("/signals/alerts").text("h1")).isEqualTo("Peringatan dini");
		assertThat(analyst.get("/signals/imports").text("h1")).isEqualTo("Impor laporan dari berkas");
		assertThat(analyst.get("/signals/warning-list").text("h1")).isEqualTo("Daftar peringatan");
	}

	@Test
	void administratorsKeepTheWarningListAndAnalystsMayOnlyReadIt() {
		String domain = Fixtures.unique("shortener").toLowerCase() + ".com";
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		admin.get("/signals/warning-list");

		Page withoutReason = admin.submit("/signals/warning-list", "type", "domain", "value", domain, "note", "");
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.text("#note-error")).isEqualTo("Give a reason: why does this value never link?");
		assertThat(withoutReason.html().selectFirst("#value").attr("value")).isEqualTo(domain);

		Page listed = admin.follow(admin.submit("/signals/warning-list", "type", "domain", "value",
				"WWW." + domain.toUpperCase(), "note", "URL shortener used by everyone"));
		assertThat(listed.text("#notice")).isEqualTo("www." + domain + " is on the warning list.");
		assertThat(listed.html().select("#entries tbody th").eachText()).contains("www." + domain);

		Visitor analyst = Visitor.loggedIn(port, thailand.analyst(), Fixtures.PASSWORD);
		Page read = analyst.get("/signals/warning-list");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.html().select("#entries tbody th").eachText()).contains("www." + domain);
		assertThat(read.html().select("#add-entry, #entries form")).isEmpty();
		Page forged = analyst.submit("/signals/warning-list", "type", "domain", "value", "other-" + domain, "note",
				"not mine to list");
		assertThat(forged.status()).isEqualTo(403);
		Page flagged = analyst.get("/signals/lookup?type=domain&value=www." + domain);
		assertThat(flagged.text("#answer-1 .warning-flag")).isEqualTo("On the warning list: never links Why: URL shortener used by everyone");
		assertThat(analyst.submit("/signals/warning-list/remove", "type", "domain", "value", "www." + domain).status())
				.isEqualTo(403);

		admin.get("/signals/warning-list");
		Page removed = admin.follow(admin.submit("/signals/warning-list/remove", "type", "domain", "value",
				"www." + domain));
		assertThat(removed.text("#notice")).isEqualTo("www." + domain + " is off the warning list.");
		assertThat(removed.html().select("#entries tbody th").eachText()).doesNotContain("www." + domain,
				"other-" + domain);
	}

	@Test
	void aFileUploadedOnTheImportPageIsFiledOnceEvenIfTheFormIsSentTwice() {
		Visitor analyst = Visitor.loggedIn(port, cambodia.analyst(), Fixtures.PASSWORD);
		Page form = analyst.get("/signals/imports");
		assertThat(form.html().select("#columns-heading ~ div tbody th").eachText()).contains("report_key", "value");
		String key = form.html().selectFirst("input[name=idempotencyKey]").attr("value");
		assertThat(key).isNotBlank();
		String first = SignalWork.wallet();
		String second = SignalWork.wallet();
		byte[] csv = ("report_key,title,category,tlp,reporter_country,observed_at,type,value\n"
				+ "a,Compound A,SCAM_COMPOUND,GREEN,KH,2026-11-02,crypto_address," + first + "\n"
				+ "a,Compound A,SCAM_COMPOUND,GREEN,KH,2026-11-02,phone,not a phone\n"
				+ "b,Compound B,SCAM_COMPOUND,AMBER,KH,2026-11-03,crypto_address," + second + "\n")
				.getBytes(StandardCharsets.UTF_8);

		Page sent = analyst.upload(action(form), "file", "compounds.csv", "text/csv", csv, "idempotencyKey", key);
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		String status = sent.location().replaceFirst("^https?://[^/]+", "");
		assertThat(status).startsWith("/signals/imports/");

		Page done = await().atMost(Duration.ofSeconds(20)).until(() -> analyst.get(status),
				page -> page.text(".import-state").equals("Done"));
		assertThat(done.text(".reports-filed")).isEqualTo("2 of 2");
		assertThat(done.text(".rows-read")).isEqualTo("3");
		assertThat(done.text(".indicators-invalid")).isEqualTo("1");
		assertThat(done.html().select("#import-status[hx-trigger]")).as("polling stops when done").isEmpty();

		Page again = analyst.upload(action(form), "file", "compounds.csv", "text/csv", csv, "idempotencyKey", key);
		assertThat(again.location()).endsWith(status);
		assertThat(analyst.follow(again).text("#notice")).startsWith("This form was already sent with this file");
		Page lookup = analyst.get("/signals/lookup?type=crypto_address&value=" + first);
		assertThat(lookup.text("#answer-1 .known")).isEqualTo("Known: in 1 report from 1 organisation");
		assertThat(analyst.get("/signals/imports").html().select("#imports-heading ~ div tbody tr")).hasSize(1);
		Visitor stranger = Visitor.loggedIn(port, thailand.analyst(), Fixtures.PASSWORD);
		assertThat(stranger.get(status).status()).as("another organisation's import").isEqualTo(404);
		assertThat(stranger.get("/signals/imports").html().select("#imports-heading ~ div tbody tr")).isEmpty();
	}

	@Test
	void aRejectedImportListsEveryBadRowByNumberWithItsReasonAndFilesNothing() {
		Visitor analyst = Visitor.loggedIn(port, cambodia.analyst(), Fixtures.PASSWORD);
		Page form = analyst.get("/signals/imports");
		String key = form.html().selectFirst("input[name=idempotencyKey]").attr("value");
		String wallet = SignalWork.wallet();
		byte[] csv = ("report_key,title,category,tlp,reporter_country,observed_at,type,value\n"
				+ "a,Compound A,SCAM_COMPOUND,GREEN,KH,2026-11-02,crypto_address," + wallet + "\n"
				+ "b,Compound B,SCAM_COMPOUND,PURPLE,KH,2026-11-02,phone,+855 12 345 678\n"
				+ "c,Compound C,SCAM_COMPOUND,GREEN,KH,2026-11-02,carrier_pigeon,coo\n")
				.getBytes(StandardCharsets.UTF_8);

		Page sent = analyst.upload(action(form), "file", "bad.csv", "text/csv", csv, "idempotencyKey", key);
		assertThat(sent.status()).isEqualTo(302);
		Page rejected = analyst.follow(sent);

		assertThat(rejected.text("#notice")).startsWith("The file has bad rows, so nothing was imported.");
		assertThat(rejected.text(".import-state")).isEqualTo("Rejected");
		assertThat(rejected.html().select("tr.bad-row .row-number").eachText()).containsExactly("3", "4");
		assertThat(rejected.html().select("tr.bad-row code").eachText()).containsExactly("rows[3].tlp", "rows[4].type");
		assertThat(rejected.html().select("tr.bad-row .reason").eachText()).allSatisfy(r -> assertThat(r).isNotBlank());
		assertThat(analyst.get("/signals/lookup?type=crypto_address&value=" + wallet).text("#answer-1 .known"))
				.isEqualTo("Not in any report you may see");
		assertThat(analyst.get("/signals/imports").html().select("#imports-heading ~ div tbody td").eachText())
				.contains("Rejected");
	}

	@Test
	void theAlertsPageForgetsTheValuesAndCountriesOfALinkedReportOnceItIsRetracted() {
		String wallet = SignalWork.wallet();
		String cambodian = work.report(cambodia, "GREEN", wallet);
		String crossing = work.report(thailand, "GREEN", wallet);
		String alert = work.alertOn(thailand, crossing).get("id").asString();
		Visitor analyst = Visitor.loggedIn(port, thailand.analyst(), Fixtures.PASSWORD);
		assertThat(analyst.get("/signals/alerts").html().selectFirst("#alert-" + alert).text()).contains(wallet, "KH");

		var retracted = work.api.post(cambodia.token(), "/api/v1/signals/reports/" + cambodian + "/retract",
				java.util.Map.of("reason", "entered against the wrong case"));
		assertThat(retracted.status()).isEqualTo(200);

		Element row = analyst.get("/signals/alerts").html().selectFirst("#alert-" + alert);
		assertThat(row).as("the alert and its triage stay").isNotNull();
		assertThat(row.text()).doesNotContain(wallet, "KH");
		assertThat(row.html()).doesNotContain(cambodian);
	}

	@Test
	void onlyAFocalPointTriagesAnAlertAnAnalystOfTheSameOrganisationReadsIt() {
		String wallet = SignalWork.wallet();
		work.report(cambodia, "GREEN", wallet);
		String crossing = work.report(thailand, "GREEN", wallet);
		String alert = work.alertOn(cambodia, crossing).get("id").asString();
		Visitor analyst = Visitor.loggedIn(port, cambodia.analyst(), Fixtures.PASSWORD);

		Page inbox = analyst.get("/signals/alerts");
		assertThat(inbox.html().selectFirst("#alert-" + alert + " .values").text()).contains(wallet);
		assertThat(inbox.html().select("#alert-" + alert + " form")).as("no triage buttons").isEmpty();
		Page refused = analyst.submit("/signals/alerts/" + alert + "/triage", "to", "CLOSED");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(work.api.get(cambodia.token(), "/api/v1/signals/alerts/" + alert).json().get("state").asString())
				.isEqualTo("NEW");

		Visitor focalPoint = Visitor.loggedIn(port, work.directory.account(cambodia.organisationId(), "FOCAL_POINT"),
				Fixtures.PASSWORD);
		focalPoint.get("/signals/alerts");
		Page acknowledged = focalPoint.follow(focalPoint.submit("/signals/alerts/" + alert + "/triage", "to",
				"ACKNOWLEDGED", "note", "passed to the Thai desk", "shown", "NEW"));
		assertThat(acknowledged.text("#notice")).endsWith("is acknowledged.");
		assertThat(acknowledged.html().select("#alert-" + alert)).as("no longer among the new alerts").isEmpty();
		var triaged = work.api.get(cambodia.token(), "/api/v1/signals/alerts/" + alert).json();
		assertThat(triaged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(triaged.get("note").asString()).isEqualTo("passed to the Thai desk");

		Visitor foreignFocalPoint = Visitor.loggedIn(port,
				work.directory.account(work.agency("LA").organisationId(), "FOCAL_POINT"), Fixtures.PASSWORD);
		foreignFocalPoint.get("/signals/alerts");
		assertThat(foreignFocalPoint.submit("/signals/alerts/" + alert + "/triage", "to", "CLOSED").status())
				.isEqualTo(404);
	}

	@Test
	void anOrganisationAdministratorRegistersTheWebhookAndSeesTheSecretOnce() {
		Visitor orgAdmin = Visitor.loggedIn(port, work.directory.account(cambodia.organisationId(), "ORG_ADMIN"),
				Fixtures.PASSWORD);
		Page none = orgAdmin.get("/signals/webhook");
		assertThat(none.text("#current")).contains("No webhook is registered");

		Page refused = orgAdmin.submit("/signals/webhook", "url", "ftp://example.org/hook");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("#url-error")).startsWith("The address was refused:");

		Page registered = orgAdmin.submit("/signals/webhook", "url", "https://example.org/tipx-hook");
		assertThat(registered.status()).isEqualTo(200);
		String secret = registered.text("#secret code");
		assertThat(secret).startsWith("whsec_");
		Page later = orgAdmin.get("/signals/webhook");
		assertThat(later.text("#current")).contains("https://example.org/tipx-hook");
		assertThat(later.body()).doesNotContain(secret);
		assertThat(Visitor.loggedIn(port, cambodia.analyst(), Fixtures.PASSWORD).get("/signals/webhook").status())
				.isEqualTo(403);

		// left registered, the address (unreachable here) would be posted every alert other tests raise
		Page removed = orgAdmin.submit("/signals/webhook/remove");
		assertThat(removed.status()).isEqualTo(302);
		assertThat(orgAdmin.get("/signals/webhook").text("#current")).contains("No webhook is registered");
	}

	/** Where the upload form sends the file. */
	private static String action(Page form) {
		return form.html().selectFirst("#upload").attr("action");
	}
}
