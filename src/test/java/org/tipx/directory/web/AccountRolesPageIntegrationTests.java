package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * Roles are changed on the account page, by the API's rules: ADMIN for any account, ORG_ADMIN within its own
 * organisation and never granting ADMIN. A change is audited and takes effect in the owner's open session at once.
 * Roles whose module is not built yet say so.
 */
@TipxIntegrationTest
class AccountRolesPageIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String home;

	@BeforeEach
	void organisation() {
		api = new Api(port);
		fixtures = new Fixtures(api);
		home = fixtures.organisation("CIVIL_SOCIETY", "TH");
	}

	@Test
	void anAdministratorChangesRolesOnTheAccountPageAndTheOwnersSessionFollowsAtOnce() {
		String owner = fixtures.account(home, "SCREENER");
		Visitor ownerSession = Visitor.loggedIn(port, owner, Fixtures.PASSWORD);
		assertThat(ownerSession.get("/admin/accounts").status()).isEqualTo(403);

		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		String page = "/admin/accounts/" + fixtures.accountId(owner);
		Page before = admin.get(page);
		assertThat(before.html().select("#roles-panel input[name=roles][checked]").eachAttr("value"))
				.containsExactly("SCREENER");
		Page changed = admin.submit(page + "/roles", "roles", "SCREENER", "roles", "ORG_ADMIN");
		assertThat(changed.status()).isEqualTo(302);
		Page after = admin.follow(changed);
		assertThat(after.text("#notice")).isEqualTo("Roles of " + owner + " changed.");
		assertThat(after.html().select("#roles-panel input[name=roles][checked]").eachAttr("value"))
				.containsExactlyInAnyOrder("SCREENER", "ORG_ADMIN");

		assertThat(ownerSession.get("/admin/accounts").status()).as("the same session, now an ORG_ADMIN")
				.isEqualTo(200);
		var audited = api.get(fixtures.admin, "/api/v1/audit/entries?action=account.roles&actor=admin&limit=20")
				.json().valueStream().filter(e -> e.get("objectId").asString().equals(fixtures.accountId(owner)))
				.toList();
		assertThat(audited).hasSize(1);
		assertThat(audited.get(0).get("detail").asString()).contains("ORG_ADMIN");
	}

	@Test
	void noRoleAtAllIsRefusedBesideTheRolesAndNothingChanges() {
		String owner = fixtures.account(home, "ANALYST");
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		String page = "/admin/accounts/" + fixtures.accountId(owner);
		admin.get(page);
		Page refused = admin.submit(page + "/roles");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text("#roles-error")).isEqualTo("Choose at least one role.");
		assertThat(api.get(fixtures.admin, "/api/v1/users/" + fixtures.accountId(owner)).json().get("roles")
				.get(0).asString()).isEqualTo("ANALYST");
	}

	@Test
	void anOrganisationAdministratorIsNotOfferedAdminAndCannotGrantItNorTouchAnotherOrganisation() {
		String orgAdmin = fixtures.account(home, "ORG_ADMIN");
		String mine = fixtures.account(home, "CASE_WORKER");
		String theirs = fixtures.account(fixtures.organisation("GOVERNMENT", "KH"), "CASE_WORKER");
		Visitor visitor = Visitor.loggedIn(port, orgAdmin, Fixtures.PASSWORD);
		String page = "/admin/accounts/" + fixtures.accountId(mine);

		Page account = visitor.get(page);
		assertThat(account.html().select("#roles-panel input[name=roles]").eachAttr("value")).doesNotContain("ADMIN")
				.contains("CASE_WORKER", "SCREENER");
		Page refused = visitor.submit(page + "/roles", "roles", "CASE_WORKER", "roles", "ADMIN");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text(".error-summary")).contains("Your account may not do this.");
		assertThat(api.get(fixtures.admin, "/api/v1/users/" + fixtures.accountId(mine)).json().get("roles")
				.valueStream().map(r -> r.asString()).toList()).containsExactly("CASE_WORKER");

		visitor.get(page);
		assertThat(visitor.submit("/admin/accounts/" + fixtures.accountId(theirs) + "/roles", "roles", "SCREENER")
				.status()).isEqualTo(404);
		assertThat(api.get(fixtures.admin, "/api/v1/users/" + fixtures.accountId(theirs)).json().get("roles")
				.valueStream().map(r -> r.asString()).toList()).containsExactly("CASE_WORKER");
		assertThat(api.get(fixtures.admin, "/api/v1/audit/entries?action=account.roles&actor=" + orgAdmin).json()
				.valueStream().map(e -> e.get("outcome").asString()).toList()).isNotEmpty().doesNotContain("SUCCESS");
	}

	@Test
	void rolesWhoseModuleIsNotBuiltYetSaySoInThePickerAndTheList() {
		String researcher = fixtures.account(home, "RESEARCHER");
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		Page account = admin.get("/admin/accounts/" + fixtures.accountId(researcher));
		assertThat(account.text("#roles-panel #role-hint-RESEARCHER .awaiting"))
				.isEqualTo("Its own module is not built yet: Insights.");
		assertThat(account.html().select("#roles-panel #role-hint-SCREENER .awaiting")).isEmpty();
		assertThat(account.html().select("#roles-panel #role-hint-MODERATOR .awaiting")).as("recruitment is built")
				.isEmpty();
		assertThat(admin.get("/admin/accounts?q=" + researcher).text("#account-" + researcher + " .awaiting"))
				.isEqualTo("(not built yet)");
		Page indonesian = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD).speaking("id")
				.get("/admin/accounts/" + fixtures.accountId(researcher));
		assertThat(indonesian.text("#roles-panel #role-hint-RESEARCHER .awaiting")).startsWith("Modulnya sendiri");
	}

	@Test
	void theFocalPointsDescriptionSaysWhatTheRoleDoes() {
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.get("/admin/accounts").text("#role-hint-FOCAL_POINT")).contains("notices")
				.contains("public intake").contains("alerts");
	}

}
