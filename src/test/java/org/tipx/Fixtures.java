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

	/** Opens an account and returns its username. */
	public String account(String organisationId, String... roles) {
		String username = unique("user").toLowerCase();
		var reply = api.post(admin, "/api/v1/users", Map.of("username", username, "password", PASSWORD,
				"organisationId", organisationId, "roles", List.of(roles)));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return username;
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
