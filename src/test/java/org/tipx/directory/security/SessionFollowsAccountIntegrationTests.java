package org.tipx.directory.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * An open browser session acts as the account is now: deactivation, an administrator's password reset and the
 * person's own password change (elsewhere) end it on its next request, and a change of roles applies from the next
 * request on.
 */
@TipxIntegrationTest
class SessionFollowsAccountIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String organisation;

	@BeforeEach
	void anOrganisation() {
		api = new Api(port);
		fixtures = new Fixtures(api);
		organisation = fixtures.organisation("CIVIL_SOCIETY", "PH");
	}

	@Test
	void aDeactivatedOrganisationAdministratorsOpenSessionsCanNeitherReadNorOpenAccounts() {
		String orgAdmin = fixtures.account(organisation, "ORG_ADMIN");
		Visitor browsing = Visitor.loggedIn(port, orgAdmin, Fixtures.PASSWORD);
		Visitor filling = Visitor.loggedIn(port, orgAdmin, Fixtures.PASSWORD);
		assertThat(browsing.get("/admin/accounts").status()).isEqualTo(200);
		assertThat(filling.get("/admin/accounts").status()).isEqualTo(200);

		deactivate(orgAdmin);

		Page next = browsing.get("/admin/accounts");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.location()).endsWith("/login?ended");
		assertThat(browsing.follow(next).text("#session-ended")).isEqualTo(
				"Your session has ended because your account was changed. Log in again to continue.");
		assertThat(browsing.get("/").location()).endsWith("/login");

		String wouldBeAdmin = Fixtures.unique("successor").toLowerCase();
		Page refused = filling.submit("/admin/accounts", "username", wouldBeAdmin, "password", Fixtures.PASSWORD,
				"organisationId", organisation, "roles", "ORG_ADMIN");
		assertThat(refused.location()).endsWith("/login?ended");
		assertThat(usernames()).doesNotContain(wouldBeAdmin);
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("username", wouldBeAdmin, "password",
				Fixtures.PASSWORD)).status()).isEqualTo(401);
	}

	@Test
	void aSessionEndsAtDeactivationEvenIfTheAccountIsReactivatedBeforeItsNextRequest() {
		String person = fixtures.account(organisation, "ANALYST");
		Visitor visitor = Visitor.loggedIn(port, person, Fixtures.PASSWORD);
		String id = fixtures.accountId(person);
		deactivate(person);
		assertThat(api.post(fixtures.admin, "/api/v1/users/" + id + "/reactivate", null).status()).isEqualTo(200);

		assertThat(visitor.get("/").location()).endsWith("/login?ended");
		assertThat(Visitor.loggedIn(port, person, Fixtures.PASSWORD).get("/").status()).isEqualTo(200);
	}

	@Test
	void removingTheOrganisationAdministratorRoleClosesTheAdminPagesOnTheNextRequest() {
		String orgAdmin = fixtures.account(organisation, "ORG_ADMIN", "ANALYST");
		Visitor visitor = Visitor.loggedIn(port, orgAdmin, Fixtures.PASSWORD);
		assertThat(visitor.get("/admin/accounts").status()).isEqualTo(200);
		String token = fixtures.tokenFor(orgAdmin);

		var changed = api.put(fixtures.admin, "/api/v1/users/" + fixtures.accountId(orgAdmin) + "/roles",
				Map.of("roles", List.of("ANALYST")));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		assertThat(visitor.get("/admin/accounts").status()).isEqualTo(403);
		assertThat(visitor.get("/").status()).as("the session goes on with the roles left").isEqualTo(200);
		assertThat(api.get(token, "/api/v1/users").status()).as("personal tokens carry the current roles")
				.isEqualTo(403);
	}

	@Test
	void aRoleGrantedDuringASessionAppliesWithoutLoggingInAgain() {
		String person = fixtures.account(organisation, "ANALYST");
		Visitor visitor = Visitor.loggedIn(port, person, Fixtures.PASSWORD);
		assertThat(visitor.get("/admin/accounts").status()).isEqualTo(403);

		api.put(fixtures.admin, "/api/v1/users/" + fixtures.accountId(person) + "/roles",
				Map.of("roles", List.of("ANALYST", "ORG_ADMIN")));

		assertThat(visitor.get("/admin/accounts").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorsPasswordResetEndsTheOpenSession() {
		String person = fixtures.account(organisation, "SCREENER");
		Visitor visitor = Visitor.loggedIn(port, person, Fixtures.PASSWORD);
		assertThat(visitor.get("/").status()).isEqualTo(200);

		resetPassword(person, "temporary-lighthouse-meadow-58");

		assertThat(visitor.get("/").location()).endsWith("/login?ended");
		assertThat(visitor.get("/").location()).as("the old session is gone, not just refused once").endsWith("/login");
	}

	@Test
	void aSessionOpenedWithATemporaryPasswordEndsWhenTheOwnerReplacesItElsewhere() {
		String person = fixtures.account(organisation, "SCREENER");
		String temporary = "temporary-lighthouse-meadow-58";
		resetPassword(person, temporary);
		Visitor other = new Visitor(port);
		assertThat(other.logIn(person, temporary).status()).isEqualTo(200);
		Visitor owner = new Visitor(port);
		owner.logIn(person, temporary);

		Page changed = owner.submit("/account/password", "currentPassword", temporary, "newPassword",
				"granite-orchid-velvet-204", "repeatedPassword", "granite-orchid-velvet-204");
		assertThat(owner.follow(changed).status()).isEqualTo(200);

		assertThat(other.get("/").location()).endsWith("/login?ended");
		assertThat(owner.get("/").status()).isEqualTo(200);
	}

	@Test
	void changingOnesOwnPasswordEndsTheOtherOpenSessionsButNotTheOneThatChangedIt() {
		String person = fixtures.account(organisation, "ANALYST");
		Visitor elsewhere = Visitor.loggedIn(port, person, Fixtures.PASSWORD);
		Visitor here = Visitor.loggedIn(port, person, Fixtures.PASSWORD);
		assertThat(elsewhere.get("/signals/reports").status()).isEqualTo(200);

		Page changed = here.submit("/account/password", "currentPassword", Fixtures.PASSWORD, "newPassword",
				"granite-orchid-velvet-204", "repeatedPassword", "granite-orchid-velvet-204");
		assertThat(here.follow(changed).status()).isEqualTo(200);

		assertThat(elsewhere.get("/signals/reports").location()).endsWith("/login?ended");
		assertThat(here.get("/signals/reports").status()).as("the analyst keeps working where the change was made")
				.isEqualTo(200);
	}

	@Test
	void aPageCallThatWantsJsonIsAnsweredWithAProblemOnceTheSessionEnded() throws Exception {
		String person = fixtures.account(organisation, "ANALYST");
		Visitor visitor = Visitor.loggedIn(port, person, Fixtures.PASSWORD);
		deactivate(person);

		HttpResponse<String> refused = sendInSession(visitor, "Accept", "application/json");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void anHtmxRequestLoadsTheLoginPageInsteadOfSwappingItIntoAFragment() throws Exception {
		String person = fixtures.account(organisation, "ANALYST");
		Visitor visitor = Visitor.loggedIn(port, person, Fixtures.PASSWORD);
		deactivate(person);

		HttpResponse<String> refused = sendInSession(visitor, "HX-Request", "true");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("HX-Redirect")).hasValue("/login?ended");
	}

	/** A request in the visitor's session with a header the Visitor does not send. */
	private HttpResponse<String> sendInSession(Visitor visitor, String header, String value) throws Exception {
		String session = visitor.cookie("TIPX_SESSION").orElseThrow().getValue();
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
				.header("Cookie", "TIPX_SESSION=" + session).header(header, value).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void deactivate(String username) {
		var reply = api.post(fixtures.admin, "/api/v1/users/" + fixtures.accountId(username) + "/deactivate",
				Map.of("reason", "left the organisation"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private void resetPassword(String username, String temporary) {
		var reply = api.post(fixtures.admin, "/api/v1/users/" + fixtures.accountId(username) + "/password-reset",
				Map.of("temporaryPassword", temporary));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	private List<String> usernames() {
		return api.get(fixtures.admin, "/api/v1/users").json().valueStream()
				.map(account -> account.get("username").asString()).toList();
	}
}
