package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Each organisation has its own page: its details corrected, its accounts listed, and deactivation after a
 * confirmation, which stops its accounts signing in, ends their sessions and revokes its tokens, all audited. The
 * list of organisations is searched.
 */
@TipxIntegrationTest
class OrganisationPageIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String organisation;

	String name;

	Visitor admin;

	@BeforeEach
	void organisation() {
		api = new Api(port);
		fixtures = new Fixtures(api);
		organisation = fixtures.organisation("LAW_ENFORCEMENT", "TH");
		name = api.get(fixtures.admin, "/api/v1/organisations/" + organisation).json().get("name").asString();
		admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void theListIsSearchedAndLinksToEachOrganisationsPage() {
		Page found = admin.get("/admin/organisations?q=" + name);
		assertThat(found.html().select("tbody th a").eachText()).containsExactly(name);
		Page page = admin.get(found.html().selectFirst("tbody th a").attr("href"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("h1")).isEqualTo(name);
		assertThat(admin.get("/admin/organisations?q=" + name + "-none").html().select("tbody tr")).isEmpty();
	}

	@Test
	void anAdministratorCorrectsTheDetailsAndSeesItsAccounts() {
		String member = fixtures.account(organisation, "SCREENER");
		String page = "/admin/organisations/" + organisation;
		Page shown = admin.get(page);
		assertThat(shown.html().select("#organisation-accounts tbody th a").eachText()).containsExactly(member);

		Page saved = admin.submit(page, "name", name + " Bureau", "type", "GOVERNMENT", "country", "KH");
		assertThat(saved.status()).isEqualTo(302);
		assertThat(admin.follow(saved).text("h1")).isEqualTo(name + " Bureau");
		var json = api.get(fixtures.admin, "/api/v1/organisations/" + organisation).json();
		assertThat(json.get("type").asString()).isEqualTo("GOVERNMENT");
		assertThat(json.get("country").asString()).isEqualTo("KH");

		admin.get(page);
		Page refused = admin.submit(page, "name", " ", "type", "GOVERNMENT", "country", "KH");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html().select("#name-error")).hasSize(1);
		assertThat(api.get(fixtures.admin, "/api/v1/organisations/" + organisation).json().get("name").asString())
				.isEqualTo(name + " Bureau");
	}

	@Test
	void deactivationNeedsAConfirmationAndStopsItsAccountsSigningIn() {
		String member = fixtures.account(organisation, "ANALYST");
		Visitor session = Visitor.loggedIn(port, member, Fixtures.PASSWORD);
		String token = fixtures.tokenFor(member);
		String page = "/admin/organisations/" + organisation;
		admin.get(page);

		Page unconfirmed = admin.submit(page + "/deactivate", "reason", "left the exchange");
		assertThat(unconfirmed.status()).isEqualTo(200);
		assertThat(unconfirmed.text("#confirmed-error")).isEqualTo("Tick the box to confirm.");
		assertThat(api.get(token, "/api/v1/me").status()).as("nothing happened yet").isEqualTo(200);

		Page done = admin.submit(page + "/deactivate", "reason", "left the exchange", "confirmed", "true");
		assertThat(done.status()).isEqualTo(302);
		Page after = admin.follow(done);
		assertThat(after.text("#notice")).contains("deactivated");
		assertThat(after.text("#state")).contains("left the exchange");
		assertThat(after.text("#organisation-accounts #account-" + member + " .state")).isEqualTo("Deactivated");

		assertThat(session.get("/").location()).as("the open session ended").endsWith("/login?ended");
		assertThat(api.get(token, "/api/v1/me").status()).as("its tokens are revoked").isEqualTo(401);
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("username", member, "password", Fixtures.PASSWORD))
				.status()).as("it can no longer sign in").isEqualTo(401);
		assertThat(api.post(fixtures.admin, "/api/v1/users", Map.of("username", Fixtures.unique("late"), "password",
				Fixtures.PASSWORD, "organisationId", organisation, "roles", List.of("ANALYST"))).status())
				.as("no new account in it").isEqualTo(400);
		assertThat(api.get(fixtures.admin, "/api/v1/audit/entries?action=organisation.deactivate&actor=admin")
				.json().valueStream().map(e -> e.get("objectId").asString()).toList()).contains(organisation);
		assertThat(admin.get("/admin/organisations?q=" + name).text("tbody td:nth-of-type(4)"))
				.isEqualTo("Deactivated");
	}

	@Test
	void theAdministratorsOwnOrganisationCannotBeDeactivated() {
		String own = api.get(fixtures.admin, "/api/v1/me").json().get("organisationId").asString();
		Page page = admin.get("/admin/organisations/" + own);
		assertThat(page.html().select("#deactivate-heading")).isEmpty();
		assertThat(api.post(fixtures.admin, "/api/v1/organisations/" + own + "/deactivate",
				Map.of("reason", "mistake")).status()).isEqualTo(409);
	}

	@Test
	void anOrganisationAdministratorHasNoOrganisationPage() {
		Visitor orgAdmin = Visitor.loggedIn(port, fixtures.account(organisation, "ORG_ADMIN"), Fixtures.PASSWORD);
		assertThat(orgAdmin.get("/admin/organisations/" + organisation).status()).isEqualTo(403);
	}
}
