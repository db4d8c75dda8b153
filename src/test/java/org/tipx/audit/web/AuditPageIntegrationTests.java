package org.tipx.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;

/**
 * Administrators browse the audit trail on a page, newest first and filtered, verify its chain and export it.
 */
@TipxIntegrationTest
class AuditPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	Visitor admin;

	String actor;

	@BeforeEach
	void someHistory() {
		actor = Fixtures.unique("tester");
		for (int i = 0; i < AuditPage.PAGE_SIZE + 5; i++) {
			audit.recordFor(actor, AuditRecord.success("test.event", "thing", "t" + i));
		}
		admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void entriesAreListedNewestFirstAndFilteredByActionAndActor() {
		Page page = admin.get("/admin/audit?action=test.&actor=" + actor);
		assertThat(page.status()).isEqualTo(200);
		List<Long> seqs = page.html().select("tbody tr td:nth-of-type(1)").eachText().stream().map(Long::valueOf)
				.toList();
		assertThat(seqs).hasSize(AuditPage.PAGE_SIZE).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(page.html().select("tbody tr td:nth-of-type(3)").eachText()).containsOnly(actor);
		assertThat(page.text("tbody tr td:nth-of-type(7)")).isEqualTo("Done");
		assertThat(page.html().selectFirst("#action").attr("value")).isEqualTo("test.");
	}

	@Test
	void olderEntriesAreOnTheNextPage() {
		Page first = admin.get("/admin/audit?action=test.&actor=" + actor);
		String older = first.html().selectFirst("a[rel=next]").attr("href");
		Page second = admin.get(older);
		List<String> objects = second.html().select("tbody tr td.object").eachText();
		assertThat(objects).hasSize(5).allMatch(text -> text.startsWith("thing"));
		assertThat(second.html().select("a[rel=next]")).isEmpty();
		assertThat(second.html().select(".pager a").eachText()).containsExactly("Newest entries");
	}

	@Test
	void theChainIsVerifiedOnRequest() {
		assertThat(admin.get("/admin/audit").html().select("#verification .result")).isEmpty();
		Page verified = admin.get("/admin/audit?verify=true");
		assertThat(verified.text("#verification .result--good")).startsWith("The chain is intact: all ")
				.endsWith(" entries and the checkpoint agree.");
		assertThat(admin.get("/admin/audit?action=audit.verify&actor=admin").html().select("tbody tr")).isNotEmpty();
	}

	@Test
	void theWholeTrailIsExportedAsCsv() {
		Page page = admin.get("/admin/audit");
		String export = page.html().selectFirst("a[href$=export.csv]").attr("href");
		Page csv = admin.get(export);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith(AuditCsv.HEADER).contains("," + actor + ",");
		assertThat(admin.get("/admin/audit?action=audit.export&actor=admin").html().select("tbody tr")).isNotEmpty();
	}

	@Test
	void onlyAdministratorsMayReadTheTrail() {
		Fixtures fixtures = new Fixtures(new Api(port));
		String orgAdmin = fixtures.account(fixtures.organisation("GOVERNMENT", "VN"), "ORG_ADMIN");
		Visitor visitor = Visitor.loggedIn(port, orgAdmin, Fixtures.PASSWORD);
		assertThat(visitor.get("/admin/audit").status()).isEqualTo(403);
		assertThat(visitor.get("/admin/audit/export.csv").status()).isEqualTo(403);
	}
}
