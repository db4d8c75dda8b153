package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Administrators manage accounts on pages: an organisation's administrator only its own organisation's; locked
 * accounts show as locked and can be unlocked; accounts are deactivated with a reason, never deleted.
 */
@TipxIntegrationTest
class AccountsPageIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String home;

	String homeName;

	String elsewhere;

	@BeforeEach
	void twoOrganisations() {
		api = new Api(port);
		fixtures = new Fixtures(api);
		home = fixtures.organisation("CIVIL_SOCIETY", "PH");
		homeName = api.get(fixtures.admin, "/api/v1/organisations/" + home).json().get("name").asString();
		elsewhere = fixtures.organisation("LAW_ENFORCEMENT", "MM");
	}

	@Test
	void anOrganisationAdministratorSeesOnlyItsOwnOrganisationsAccounts() {
		String mine = fixtures.account(home, "SCREENER");
		String theirs = fixtures.account(elsewhere, "ANALYST");
		Visitor orgAdmin = Visitor.loggedIn(port, fixtures.account(home, "ORG_ADMIN"), Fixtures.PASSWORD);

		Page list = orgAdmin.get("/admin/accounts");
		assertThat(list.status()).isEqualTo(200);
		List<String> usernames = list.html().select("tbody th a").eachText();
		assertThat(usernames).contains(mine).doesNotContain(theirs, "admin");
		assertThat(list.html().select("tbody tr td:nth-of-type(1)").eachText()).containsOnly(homeName);
		assertThat(list.html().select("#organisationId option").eachAttr("value")).containsExactly(home);
		assertThat(list.html().select("input[name=roles]").eachAttr("value")).doesNotContain("ADMIN")
				.contains("SCREENER", "ORG_ADMIN");
	}

	@Test
	void anOrganisationAdministratorOpensAnAccountInItsOrganisation() {
		Visitor orgAdmin = Visitor.loggedIn(port, fixtures.account(home, "ORG_ADMIN"), Fixtures.PASSWORD);
		String username = Fixtures.unique("cw").toLowerCase();
		orgAdmin.get("/admin/accounts");
		Page opened = orgAdmin.submit("/admin/accounts", "username", username, "displayName", "Maria Santos",
				"password", Fixtures.PASSWORD, "organisationId", home, "roles", "CASE_WORKER", "roles", "SCREENER");
		assertThat(opened.status()).isEqualTo(302);
		Page list = orgAdmin.follow(opened);
		assertThat(list.text("#notice"))
				.isEqualTo("Account " + username + " opened. Its owner must choose a new password at first login.");
		assertThat(list.text("#account-" + username + " td:nth-of-type(2)")).isEqualTo("Screener, Case worker");
		assertThat(list.text("#account-" + username + " td:nth-of-type(3)")).isEqualTo("Must change password at next login");
		Visitor owner = new Visitor(port);
		assertThat(owner.logIn(username, Fixtures.PASSWORD).text("h1")).isEqualTo("Change your password");
		assertThat(owner.get("/").location()).endsWith("/account/password?required");
	}

	@Test
	void anOrganisationAdministratorCannotOpenAnAccountElsewhere() {
		Visitor orgAdmin = Visitor.loggedIn(port, fixtures.account(home, "ORG_ADMIN"), Fixtures.PASSWORD);
		orgAdmin.get("/admin/accounts");
		Page refused = orgAdmin.submit("/admin/accounts", "username", Fixtures.unique("x").toLowerCase(),
				"password", Fixtures.PASSWORD, "organisationId", elsewhere, "roles", "ANALYST");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text(".error-summary")).contains("Your account may not do this.");
	}

	@Test
	void refusedFieldsAreShownBesideThemWithTheirRule() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		admin.get("/admin/accounts");
		Page refused = admin.submit("/admin/accounts", "username", "X", "password", Fixtures.PASSWORD,
				"organisationId", home);
		assertThat(refused.text("#username-error")).startsWith("Enter a username of 3 to 64 characters");
		assertThat(refused.html().selectFirst("#username").attr("aria-describedby"))
				.isEqualTo("username-hint username-error");
		assertThat(admin.submit("/admin/accounts", "username", Fixtures.unique("ok").toLowerCase(), "password",
				Fixtures.PASSWORD, "organisationId", home).text("#roles-error")).isEqualTo("Choose at least one role.");
	}

	@Test
	void anOrganisationAdministratorCannotSeeAnotherOrganisationsAccount() {
		String theirsId = fixtures.accountId(fixtures.account(elsewhere, "ANALYST"));
		Visitor orgAdmin = Visitor.loggedIn(port, fixtures.account(home, "ORG_ADMIN"), Fixtures.PASSWORD);
		Page page = orgAdmin.get("/admin/accounts/" + theirsId);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.text("h1")).isEqualTo("Page not found");
		orgAdmin.get("/admin/accounts");
		assertThat(orgAdmin.submit("/admin/accounts/" + theirsId + "/unlock").status()).isEqualTo(404);
	}

	@Test
	void anAdministratorSeesALockedAccountAndUnlocksIt() {
		String locked = fixtures.account(elsewhere, "INVESTIGATOR");
		for (int i = 0; i < 5; i++) {
			new Visitor(port).logIn(locked, "wrong-" + i);
		}
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		Page list = admin.get("/admin/accounts?q=" + locked);
		Element row = list.html().selectFirst("#account-" + locked);
		assertThat(row.selectFirst(".state--locked").text()).startsWith("Locked until ").endsWith(" UTC");
		assertThat(row.selectFirst("button").attr("aria-label")).isEqualTo("Unlock " + locked);

		Page unlocked = admin.submit(row.selectFirst("form").attr("action"), "back", "list", "q", locked);
		assertThat(unlocked.location()).as("back to the searched list").endsWith("/admin/accounts?q=" + locked);
		Page after = admin.follow(unlocked);
		assertThat(after.text("#notice")).isEqualTo("Account " + locked + " unlocked.");
		assertThat(after.html().selectFirst("#account-" + locked).select(".state--locked")).isEmpty();

		assertThat(new Visitor(port).logIn(locked, Fixtures.PASSWORD).text("h1")).isEqualTo("Welcome, " + locked);
		Page trail = admin.get("/admin/audit?action=account.&actor=admin");
		assertThat(trail.html().select("tbody tr").stream()
				.anyMatch(tr -> tr.text().contains("account.unlock"))).isTrue();
		Page lockouts = admin.get("/admin/audit?action=account.lock");
		assertThat(lockouts.html().select("tbody tr").eachText()).anyMatch(text -> text.contains(locked));
	}

	@Test
	void deactivatingAnAccountNeedsAReasonAndEndsItsLogins() {
		String leaving = fixtures.account(home, "RESEARCHER");
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		String page = "/admin/accounts/" + fixtures.accountId(leaving);
		admin.get(page);
		Page refused = admin.submit(page + "/deactivate", "reason", " ");
		assertThat(refused.text("#reason-error")).isEqualTo("Say why the account is deactivated.");

		Page deactivated = admin.follow(admin.submit(page + "/deactivate", "reason", "left the organisation"));
		assertThat(deactivated.text("#notice")).isEqualTo("Account " + leaving + " deactivated.");
		assertThat(deactivated.text("#state")).contains("left the organisation");
		assertThat(deactivated.html().select("form[action$=/reactivate]")).hasSize(1);
		assertThat(new Visitor(port).logIn(leaving, Fixtures.PASSWORD).text("#login-problem")).isNotEmpty();
	}

	@Test
	void anAdministratorCannotDeactivateTheirOwnAccount() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		String page = "/admin/accounts/" + fixtures.accountId("admin");
		admin.get(page);
		Page refused = admin.submit(page + "/deactivate", "reason", "testing");
		assertThat(refused.text(".error-summary")).contains("You cannot deactivate your own account.");
	}
}
