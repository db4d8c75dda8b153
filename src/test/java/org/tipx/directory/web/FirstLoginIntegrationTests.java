package org.tipx.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.Visitor;
import org.tipx.Visitor.Page;

/**
 * The administrator who opens an account knows its initial password, so its owner must replace it at first login,
 * before anything else, exactly as after a reset: on the pages and through the API.
 */
@TipxIntegrationTest
class FirstLoginIntegrationTests {

	static final String INITIAL = "pebble-orchard-signal-48";

	@LocalServerPort
	int port;

	@Test
	void anAccountOpenedThroughTheApiMustChangeItsInitialPasswordBeforeUsingTheApi() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		String organisation = fixtures.organisation("GOVERNMENT", "LA");
		String username = Fixtures.unique("first").toLowerCase();
		var opened = api.post(fixtures.admin, "/api/v1/users", Map.of("username", username, "password", INITIAL,
				"organisationId", organisation, "roles", List.of("ANALYST")));
		assertThat(opened.status()).isEqualTo(201);
		assertThat(opened.json().get("mustChangePassword").asBoolean()).isTrue();

		var login = api.post(null, "/api/v1/auth/token", Map.of("username", username, "password", INITIAL));
		assertThat(login.json().get("passwordChangeRequired").asBoolean()).isTrue();
		String token = login.json().get("token").asString();
		assertThat(api.get(token, "/api/v1/signals/alerts").status()).isEqualTo(403);

		assertThat(api.post(token, "/api/v1/me/password", Map.of("currentPassword", INITIAL, "newPassword",
				Fixtures.PASSWORD)).status()).isEqualTo(204);
		assertThat(api.get(api.login(username, Fixtures.PASSWORD), "/api/v1/me").json()
				.get("passwordChangeRequired").asBoolean()).isFalse();
	}

	@Test
	void anAccountOpenedOnThePageIsSentToChooseAPasswordAtFirstLogin() {
		Api api = new Api(port);
		Fixtures fixtures = new Fixtures(api);
		String organisation = fixtures.organisation("CIVIL_SOCIETY", "VN");
		String username = Fixtures.unique("first").toLowerCase();
		Visitor admin = Visitor.loggedIn(port, "admin", TipxIntegrationTest.ADMIN_PASSWORD);
		admin.get("/admin/accounts");
		assertThat(admin.submit("/admin/accounts", "username", username, "password", INITIAL, "organisationId",
				organisation, "roles", "CASE_WORKER").status()).isEqualTo(302);

		Visitor owner = new Visitor(port);
		Page landed = owner.logIn(username, INITIAL);
		assertThat(landed.text("h1")).isEqualTo("Change your password");
		assertThat(owner.get("/cases").location()).endsWith("/account/password?required");
		owner.get("/account/password");
		Page changed = owner.submit("/account/password", "currentPassword", INITIAL, "newPassword",
				Fixtures.PASSWORD, "repeatedPassword", Fixtures.PASSWORD);
		assertThat(owner.follow(changed).text("#card-CASE_WORKER h2")).isEqualTo("Case worker");
	}
}
