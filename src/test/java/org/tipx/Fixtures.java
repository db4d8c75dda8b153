package org.tipx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;


/**
 * Creates organisations and accounts through the public API, with unique names so tests sharing one database never
 * collide.
 */
public final class Fixtures {

	public static final String PASSWORD = "violet-harbour-lantern-93";

	/** The password an account is opened with; its owner must replace it at first login. */
	public static final String INITIAL_PASSWORD = "copper-meadow-kettle-57";

	public final Api api;

	public final String admin;

	public Fixtures(Api api) {
		this.api = api;
		this.admin = api.login("admin", TipxIntegrationTest.ADMIN_PASSWORD);
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public String organisation(String type, String country) {
		var reply = api.post(admin, "/api/v1/organisations",
				Map.of("name", unique("org"), "type", type, "country", country));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	/**
	 * Opens an account and returns its username. Its owner has already replaced the initial password with
	 * {@link #PASSWORD}, as they must at first login, so the account is ready to use.
	 */
	public String account(String organisationId, String... roles) {
		String username = unique("user").toLowerCase();
		var reply = api.post(admin, "/api/v1/users", Map.of("username", username, "password", INITIAL_PASSWORD,
				"organisationId", organisationId, "roles", List.of(roles)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		firstLogin(api, username, INITIAL_PASSWORD);
		return username;
	}

	/** What the owner of a new account does first: replaces the initial password with {@link #PASSWORD}. */
	public static void firstLogin(Api api, String username, String initialPassword) {
		String token = api.login(username, initialPassword);
		var changed = api.post(token, "/api/v1/me/password",
				Map.of("currentPassword", initialPassword, "newPassword", PASSWORD));
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
	}

	public String accountId(String username) {
		for (var account : api.get(admin, "/api/v1/users").json()) {
			if (account.get("username").asString().equals(username)) {
				return account.get("id").asString();
			}
		}
		throw new IllegalStateException("no account " + username);
	}

	public String tokenFor(String username) {
		return api.login(username, PASSWORD);
	}
}
