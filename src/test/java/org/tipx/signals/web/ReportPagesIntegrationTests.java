package org.tipx.signals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipx.signals.web.ReportPagesFixtures.indicator;

import java.util.List;

import org.jsoup.nodes.Element;
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
 * The report pages over plain HTTP, as a browser without JavaScript uses them: who may file, whose reports may be
 * retracted by whom, and the search of an organisation's reports.
 */
@TipxIntegrationTest
class ReportPagesIntegrationTests {

	@LocalServerPort
	int port;

	ReportPagesFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new ReportPagesFixtures(new Api(port));
	}

	private Visitor signedIn(Member member) {
		return Visitor.loggedIn(port, member.username(), Fixtures.PASSWORD);
	}

	@Test
	void aRoleThatMayNotFileReportsIsRefusedEveryReportPage() {
		Member researcher = fixtures.member("ID", "RESEARCHER");
		Visitor visitor = signedIn(researcher);
		assertThat(visitor.get("/signals/reports/new").status()).isEqualTo(403);
		assertThat(visitor.get("/signals/reports").status()).isEqualTo(403);
		assertThat(visitor.get("/signals/reports/new/preview?type=phone&value=012345678").status()).isEqualTo(403);
		visitor.get("/");
		Page refused = visitor.submit("/signals/reports/new", "title", "should not exist", "category", "SCAM_COMPOUND",
				"tlp", "GREEN", "reporterCountry", "ID", "observedAt", "2026-10-01", "row", "r1", "type", "phone",
				"value", "+855 12 345 678", "platform", "", "chain", "");
		assertThat(refused.status()).isEqualTo(403);
		Page home = visitor.get("/");
		assertThat(home.html().select("a[href^='/signals/reports']")).isEmpty();
	}

	@Test
	void anAnalystFilesAReportThroughTheFormAndLandsOnItsPage() {
		Member analyst = fixtures.member("KH", "ANALYST");
		Visitor visitor = signedIn(analyst);
		Page form = visitor.get("/signals/reports/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html().selectFirst("#reporterCountry option[selected]").attr("value")).isEqualTo("KH");
		String title = Fixtures.unique("Job ad on Telegram");
		String handle = ReportPagesFixtures.uniqueHandle();
		Page filed = visitor.submit("/signals/reports/new", "title", title, "category", "RECRUITMENT_FRAUD", "tlp", "GREEN",
				"reporterCountry", "KH", "observedAt", "2026-10-02", "description", "",
				"row", "r1", "type", "phone", "value", "(012) 345-678", "platform", "", "chain", "",
				"row", "r2", "type", "messaging_handle", "value", handle, "platform", "", "chain", "");
		assertThat(filed.status()).isEqualTo(302);
		assertThat(filed.location()).matches(".*/signals/reports/[0-9a-f-]{36}");
		Page report = visitor.follow(filed);
		assertThat(report.text("#notice")).isEqualTo("Report “" + title + "” filed.");
		assertThat(report.text("h1")).isEqualTo(title);
		assertThat(report.html().select("table.indicators td code").eachText()).contains("(012) 345-678",
				"+85512345678", handle);
		Page list = visitor.get("/signals/reports");
		assertThat(list.html().select("tbody th a").eachText()).first().isEqualTo(title);
	}

	@Test
	void aRefusedFormNamesEachFieldToCorrectInThePageLanguageAndFilesNothing() {
		Member analyst = fixtures.member("KH", "ANALYST");
		Visitor visitor = signedIn(analyst).speaking("id");
		visitor.get("/signals/reports/new");
		Page refused = visitor.submit("/signals/reports/new", "title", "  ", "category", "SCAM_COMPOUND", "tlp", "GREEN",
				"reporterCountry", "KH", "observedAt", "2026-10-02", "row", "r7", "type", "",
				"value", "@golden_jobs", "platform", "", "chain", "");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.language()).isEqualTo("id");
		assertThat(refused.text("#title-error")).isEqualTo("Masukkan judul, paling banyak 300 karakter.");
		assertThat(refused.text("#type-r7-error")).isEqualTo("Pilih jenis indikator ini.");
		assertThat(refused.html().select(".error-summary a").eachAttr("href")).containsExactly("#title", "#type-r7");
		assertThat(refused.html().selectFirst("#value-r7").attr("value")).isEqualTo("@golden_jobs");
		assertThat(visitor.get("/signals/reports").text("main")).contains("Organisasi Anda belum mengajukan laporan");
	}

	@Test
	void thePreviewShowsTheCanonicalFormOrWhyTheValueIsInvalid() {
		Visitor visitor = signedIn(fixtures.member("KH", "INVESTIGATOR"));
		Page valid = visitor.get("/signals/reports/new/preview?type=phone&value=%28012%29+345-678&reporterCountry=KH");
		assertThat(valid.text(".preview__canonical")).isEqualTo("+85512345678");
		assertThat(valid.text(".preview__validity")).isEqualTo("Valid.");
		Page invalid = visitor.get("/signals/reports/new/preview?type=phone&value=%2B855+12+345&reporterCountry=KH");
		assertThat(invalid.text(".preview__validity")).startsWith("Not valid");
		assertThat(invalid.text(".preview__reason")).startsWith("Why:").hasSizeGreaterThan("Why: ".length());
	}

	@Test
	void anotherOrganisationCannotRetractYourReport() {
		Member owner = fixtures.member("KH", "ANALYST");
		Member other = fixtures.member("TH", "ANALYST");
		String id = fixtures.file(owner, Fixtures.unique("shared widely"), "GREEN", "KH", List.of(),
				indicator("messaging_handle", ReportPagesFixtures.uniqueHandle()));
		Visitor intruder = signedIn(other);
		intruder.get("/signals/reports");
		Page refused = intruder.submit("/signals/reports/" + id + "/retract", "reason", "not theirs to retract");
		assertThat(refused.status()).isEqualTo(403);
		Page expiry = intruder.submit("/signals/reports/" + id + "/expiry", "expiresOn", "2027-01-01");
		assertThat(expiry.status()).isEqualTo(403);
		var report = fixtures.api.get(owner.token(), "/api/v1/signals/reports/" + id).json();
		assertThat(report.get("retracted").asBoolean()).isFalse();
		assertThat(report.get("expiresAt").isNull()).isTrue();
	}

	@Test
	void theOwnerRetractsWithAReasonAndSetsAndClearsAnExpiry() {
		Member owner = fixtures.member("KH", "FOCAL_POINT");
		String title = Fixtures.unique("to be retracted");
		String id = fixtures.file(owner, title, "AMBER_STRICT", "KH", List.of(),
				indicator("messaging_handle", ReportPagesFixtures.uniqueHandle()));
		Visitor visitor = signedIn(owner);
		visitor.get("/signals/reports");

		Page set = visitor.follow(visitor.submit("/signals/reports/" + id + "/expiry", "expiresOn", "2030-01-31",
				"back", "/signals/reports"));
		assertThat(set.text("#notice")).isEqualTo("The report expires on 2030-01-31.");
		assertThat(row(set, title).text()).contains("Expires on 2030-01-31");
		Page cleared = visitor.follow(visitor.submit("/signals/reports/" + id + "/expiry", "clear", "true"));
		assertThat(cleared.text("#notice")).isEqualTo("The report no longer expires.");
		assertThat(row(cleared, title).text()).contains("Active");

		Page noReason = visitor.follow(visitor.submit("/signals/reports/" + id + "/retract", "reason", " "));
		assertThat(noReason.text("#notice")).isEqualTo("Nothing was retracted: say why the report is retracted.");
		assertThat(row(noReason, title).text()).doesNotContain("Retracted");
		Page retracted = visitor.follow(visitor.submit("/signals/reports/" + id + "/retract", "reason",
				"the witness withdrew the statement"));
		assertThat(retracted.text("#notice")).isEqualTo("Report retracted. It no longer links into networks.");
		assertThat(row(retracted, title).text()).contains("Retracted on", "the witness withdrew the statement");
		assertThat(row(retracted, title).select("form")).isEmpty();
	}

	@Test
	void theSearchFindsReportsByTitleAndByAValueWrittenAnyWay() {
		Member owner = fixtures.member("KH", "MODERATOR");
		String withPhone = Fixtures.unique("call centre");
		String other = Fixtures.unique("unrelated");
		fixtures.file(owner, withPhone, "GREEN", "KH", List.of(), indicator("phone", "+855 12 777 889"));
		fixtures.file(owner, other, "GREEN", "KH", List.of(), indicator("email", "jobs@example.org"));
		Visitor visitor = signedIn(owner);

		assertThat(titles(visitor.get("/signals/reports"))).containsExactly(other, withPhone);
		assertThat(titles(visitor.get("/signals/reports?q=%2B855%2012-777-889"))).containsExactly(withPhone);
		assertThat(titles(visitor.get("/signals/reports?q=" + other.substring(other.length() - 8))))
				.containsExactly(other);
		Page none = visitor.get("/signals/reports?q=nothing-like-this");
		assertThat(titles(none)).isEmpty();
		assertThat(none.text("main")).contains("No report matches this search.");
	}

	private static List<String> titles(Page page) {
		return page.html().select("table.reports tbody th a").eachText();
	}

	private static Element row(Page page, String title) {
		return page.html().select("table.reports tbody tr").stream()
				.filter(tr -> tr.selectFirst("th a").text().equals(title)).findFirst().orElseThrow();
	}
}
