package org.tipx.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * An ORG_ADMIN manages the accounts of its own organisation and nothing else.
 */
@TipxIntegrationTest
class OrgAdminConfinementIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	String home;

	String elsewhere;

	String orgAdmin;

	@BeforeEach
	void twoOrganisations() {
		api = new Api(port);
		fixtures = new Fixtures(api);
		home = fixtures.organisation("CIVIL_SOCIETY", "PH");
		elsewhere = fixtures.organisation("LAW_ENFORCEMENT", "MM");
		orgAdmin = fixtures.tokenFor(fixtures.account(home, "ORG_ADMIN"));
	}

	@Test
	void orgAdminOpensAccountsInItsOwnOrganisation() {
		var reply = api.post(orgAdmin, "/api/v1/users", Map.of("username", Fixtures.unique("cw"), "password",
				Fixtures.PASSWORD, "organisationId", home, "roles", List.of("CASE_WORKER")));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().get("organisationId").asString()).isEqualTo(home);
		assertThat(reply.json().has("password")).isFalse();
		assertThat(reply.json().has("passwordHash")).isFalse();
	}

	@Test
	void orgAdminCannotOpenAccountsElsewhereNorGrantAdmin() {
		var elsewhereReply = api.post(orgAdmin, "/api/v1/users", Map.of("username", Fixtures.unique("x"), "password",
				Fixtures.PASSWORD, "organisationId", elsewhere, "roles", List.of("ANALYST")));
		assertThat(elsewhereReply.status()).isEqualTo(403);
		assertThat(elsewhereReply.json().get("detail").asString()).contains("own organisation");

		var adminGrant = api.post(orgAdmin, "/api/v1/users", Map.of("username", Fixtures.unique("x"), "password",
				Fixtures.PASSWORD, "organisationId", home, "roles", List.of("ADMIN")));
		assertThat(adminGrant.status()).isEqualTo(403);
	}

	@Test
	void orgAdminSeesOnlyItsOwnOrganisationsAccounts() {
		String mine = fixtures.account(home, "SCREENER");
		String theirs = fixtures.account(elsewhere, "ANALYST");
		var listed = api.get(orgAdmin, "/api/v1/users").json().valueStream()
				.map(a -> a.get("username").asString()).toList();
		assertThat(listed).contains(mine).doesNotContain(theirs, "admin");
		assertThat(api.get(orgAdmin, "/api/v1/users").json().valueStream()
				.map(a -> a.get("organisationId").asString())).containsOnly(home);
	}

	@Test
	void orgAdminCannotTouchAnotherOrganisationsAccount() {
		String theirsId = fixtures.accountId(fixtures.account(elsewhere, "ANALYST"));
		assertThat(api.get(orgAdmin, "/api/v1/users/" + theirsId).status()).isEqualTo(404);
		assertThat(api.post(orgAdmin, "/api/v1/users/" + theirsId + "/deactivate", Map.of("reason", "x")).status())
				.isEqualTo(404);
		assertThat(api.post(orgAdmin, "/api/v1/users/" + theirsId + "/password-reset",
				Map.of("temporaryPassword", "another-long-passphrase-77")).status()).isEqualTo(404);
		assertThat(api.put(orgAdmin, "/api/v1/users/" + theirsId + "/roles", Map.of("roles", List.of("ANALYST")))
				.status()).isEqualTo(404);
		// and the account is untouched
		assertThat(api.get(fixtures.admin, "/api/v1/users/" + theirsId).json().get("active").asBoolean()).isTrue();
	}

	@Test
	void deactivatingAnAccountEndsItsAccessButKeepsTheRecord() {
		String username = fixtures.account(home, "SCREENER");
		String token = fixtures.tokenFor(username);
		String id = fixtures.accountId(username);
		var missingReason = api.post(orgAdmin, "/api/v1/users/" + id + "/deactivate", Map.of("reason", " "));
		assertThat(missingReason.status()).isEqualTo(400);
		assertThat(missingReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

		var reply = api.post(orgAdmin, "/api/v1/users/" + id + "/deactivate", Map.of("reason", "left the organisation"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("active").asBoolean()).isFalse();
		assertThat(reply.json().get("deactivationReason").asString()).isEqualTo("left the organisation");
		assertThat(api.get(token, "/api/v1/organisations").status()).isEqualTo(401);
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", Fixtures.PASSWORD))
				.status()).isEqualTo(401);
		assertThat(api.get(orgAdmin, "/api/v1/users/" + id).status()).isEqualTo(200);
	}

	@Test
	void aResetPasswordMustBeChangedBeforeAnythingElse() {
		String username = fixtures.account(home, "FOCAL_POINT");
		String id = fixtures.accountId(username);
		String temporary = "temporary-lighthouse-meadow-58";
		assertThat(api.post(orgAdmin, "/api/v1/users/" + id + "/password-reset",
				Map.of("temporaryPassword", temporary)).json().get("mustChangePassword").asBoolean()).isTrue();

		var login = api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", temporary));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("passwordChangeRequired").asBoolean()).isTrue();
		String token = login.json().get("token").asString();
		var blocked = api.get(token, "/api/v1/organisations");
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.json().get("detail").asString()).contains("change it first");

		var weak = api.post(token, "/api/v1/me/password", Map.of("currentPassword", temporary, "newPassword", "password123456"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");

		assertThat(api.post(token, "/api/v1/me/password",
				Map.of("currentPassword", temporary, "newPassword", "granite-orchid-velvet-204")).status()).isEqualTo(204);
		String fresh = api.login(username, "granite-orchid-velvet-204");
		assertThat(api.get(fresh, "/api/v1/organisations").status()).isEqualTo(200);
	}
}
