package org.tipx.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * The audit trail reads as words: the actor's organisation and the account an entry is about by name, the action in
 * the page's language (its code beside it, and alone in the CSV export); it is filtered by a date range, a bad date
 * being shown beside its field; and an organisation administrator reads their own organisation's entries, never
 * another's.
 */
@TipxIntegrationTest
class ReadableAuditIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String home;

	String homeName;

	String orgAdmin;

	String opened;

	@BeforeEach
	void anOrganisationAdministratorOpensAnAccount() {
		api = new Api(port);
		fixtures = new Fixtures(api);
		home = fixtures.organisation("CIVIL_SOCIETY", "ID");
		homeName = api.get(fixtures.admin, "/api/v1/organisations/" + home).json().get("name").asString();
		orgAdmin = fixtures.account(home, "ORG_ADMIN");
		opened = Fixtures.unique("new").toLowerCase();
		assertThat(api.post(fixtures.tokenFor(orgAdmin), "/api/v1/users", Map.of("username", opened, "password",
				Fixtures.PASSWORD, "organisationId", home, "roles", List.of("SCREENER"))).status()).isEqualTo(201);
	}

	@Test
	void entriesShowNamesAndActionsInWordsOfThePageLanguage() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		Page page = admin.get("/admin/audit?action=account.create&actor=" + orgAdmin);
		assertThat(page.html().select("tbody tr")).hasSize(1);
		assertThat(page.text("tbody td.organisation")).isEqualTo(homeName);
		assertThat(page.text("tbody td.action span")).isEqualTo("Opened an account");
		assertThat(page.text("tbody td.action code")).isEqualTo("account.create");
		assertThat(page.text("tbody td.object strong")).isEqualTo(opened);
		assertThat(page.html().select("tbody td.object code")).as("the name replaces the id").isEmpty();

		Page indonesian = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD).speaking("id")
				.get("/admin/audit?action=account.create&actor=" + orgAdmin);
		assertThat(indonesian.text("tbody td.action span")).isEqualTo("Membuka akun");
	}

	@Test
	void theCsvExportKeepsCodesAndIds() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		String csv = admin.get("/admin/audit/export.csv").body();
		String line = csv.lines().filter(l -> l.contains("," + orgAdmin + ",") && l.contains("account.create"))
				.findFirst().orElseThrow();
		assertThat(line).doesNotContain("Opened an account").doesNotContain(homeName).contains(home);
	}

	@Test
	void entriesAreFilteredByADateRangeAndABadDateIsShownBesideItsField() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String filter = "/admin/audit?action=account.create&actor=" + orgAdmin;
		assertThat(admin.get(filter + "&from=" + today + "&to=" + today).html().select("tbody tr")).hasSize(1);
		assertThat(admin.get(filter + "&from=" + today.plusDays(1)).html().select("tbody tr")).isEmpty();
		assertThat(admin.get(filter + "&to=" + today.minusDays(1)).html().select("tbody tr")).isEmpty();

		Page bad = admin.get(filter + "&from=04/12/2026");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.text("#from-error")).isEqualTo("Enter a date as yyyy-mm-dd, for example 2026-12-04.");
		assertThat(bad.html().selectFirst("#from").attr("aria-invalid")).isEqualTo("true");
		assertThat(bad.html().select("tbody tr")).isEmpty();
		assertThat(bad.html().selectFirst("#from").attr("value")).isEqualTo("04/12/2026");

		Page reversed = admin.get(filter + "&from=" + today + "&to=" + today.minusDays(2));
		assertThat(reversed.text("#to-error")).isEqualTo("The end date must not be before the start date.");
		assertThat(reversed.html().select("#from-error")).isEmpty();
	}

	@Test
	void anOrganisationAdministratorReadsOnlyTheirOwnOrganisationsEntries() {
		String elsewhere = fixtures.organisation("GOVERNMENT", "MM");
		String otherAdmin = fixtures.account(elsewhere, "ORG_ADMIN");
		api.post(fixtures.tokenFor(otherAdmin), "/api/v1/users", Map.of("username", Fixtures.unique("theirs"),
				"password", Fixtures.PASSWORD, "organisationId", elsewhere, "roles", List.of("ANALYST")));

		Visitor visitor = Visitor.loggedIn(port, orgAdmin, Fixtures.PASSWORD);
		Page home = visitor.get("/");
		assertThat(home.html().select("a[href=/admin/audit/organisation]")).isNotEmpty();
		Page own = visitor.get("/admin/audit/organisation");
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.html().select("tbody td.actor").eachText()).contains(orgAdmin).doesNotContain(otherAdmin,
				"admin");
		assertThat(own.html().select("tbody td.organisation").eachText()).containsOnly(homeName);
		assertThat(own.html().select("#verify-heading, a[href$=export.csv]")).isEmpty();

		Page asked = visitor.get("/admin/audit/organisation?actor=" + otherAdmin);
		assertThat(asked.html().select("tbody tr")).as("another organisation's actor, asked for by name").isEmpty();
		Page everyone = visitor.get("/admin/audit/organisation?action=account.create");
		assertThat(everyone.html().select("tbody td.actor").eachText()).containsOnly(orgAdmin);
		assertThat(visitor.get("/admin/audit").status()).isEqualTo(403);
	}

	@Test
	void theOrganisationsViewIsForOrganisationAdministratorsOnly() {
		Visitor screener = Visitor.loggedIn(port, fixtures.account(home, "SCREENER"), Fixtures.PASSWORD);
		assertThat(screener.get("/admin/audit/organisation").status()).isEqualTo(403);
	}
}
