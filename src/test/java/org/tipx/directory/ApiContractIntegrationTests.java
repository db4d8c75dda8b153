package org.tipx.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * Careless and hostile input gets a problem+json naming the field and the reason, and stores nothing.
 */
@TipxIntegrationTest
class ApiContractIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		fixtures = new Fixtures(api);
	}

	@Test
	void anOrganisationIsCreatedWithAnIdAndListed() {
		String name = Fixtures.unique("Polis Diraja Malaysia");
		var reply = api.post(fixtures.admin, "/api/v1/organisations",
				Map.of("name", name, "type", "LAW_ENFORCEMENT", "country", "my"));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().get("id").asString()).matches("[0-9a-f-]{36}");
		assertThat(reply.json().get("country").asString()).isEqualTo("MY");
		assertThat(reply.json().get("createdAt").asString()).endsWith("Z");
		assertThat(api.get(fixtures.admin, "/api/v1/organisations").json().valueStream()
				.map(o -> o.get("name").asString())).contains(name);
	}

	@Test
	void invalidOrganisationFieldsAreAllNamedAndNothingIsStored() {
		long before = refusedOrganisations();
		var reply = api.post(fixtures.admin, "/api/v1/organisations",
				Map.of("name", "", "type", "NGO", "country", "XX"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.isProblem()).isTrue();
		assertThat(reply.json().get("title").asString()).isEqualTo("Invalid request");
		assertThat(reply.json().get("status").asInt()).isEqualTo(400);
		assertThat(reply.json().get("errors").valueStream().map(e -> e.get("field").asString()))
				.containsExactlyInAnyOrder("name", "type", "country");
		assertThat(refusedOrganisations()).isEqualTo(before);
	}

	@Test
	void unknownFieldsMalformedJsonAndWrongTypesAre400() {
		var unknown = api.postRaw(fixtures.admin, "/api/v1/organisations",
				"{\"name\":\"x\",\"type\":\"MEDIA\",\"country\":\"ID\",\"contry\":\"ID\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("contry");

		var malformed = api.postRaw(fixtures.admin, "/api/v1/organisations", "{\"name\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.isProblem()).isTrue();
		assertThat(malformed.body()).doesNotContain("at org.", "Exception");

		var wrongType = api.postRaw(fixtures.admin, "/api/v1/users",
				"{\"username\":\"someone\",\"password\":\"x\",\"organisationId\":\"not-a-uuid\",\"roles\":[\"ANALYST\"]}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("organisationId");

		var notAList = api.postRaw(fixtures.admin, "/api/v1/users",
				"{\"username\":\"someone\",\"password\":\"x\",\"organisationId\":null,\"roles\":{\"a\":1}}");
		assertThat(notAList.status()).isEqualTo(400);

		var badPathId = api.get(fixtures.admin, "/api/v1/users/12");
		assertThat(badPathId.status()).isEqualTo(400);
		assertThat(badPathId.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@Test
	void aDuplicateUsernameIs409AndTheFirstAccountIsUnchanged() {
		String org = fixtures.organisation("GOVERNMENT", "VN");
		String username = fixtures.account(org, "ANALYST");
		var duplicate = api.post(fixtures.admin, "/api/v1/users", Map.of("username", username.toUpperCase(),
				"password", "completely-different-pass-11", "organisationId", org, "roles", List.of("ADMIN")));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.isProblem()).isTrue();
		assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
		assertThat(fixtures.tokenFor(username)).startsWith("tipx_");
	}

	@Test
	void weakAndCommonPasswordsAreRefused() {
		String org = fixtures.organisation("RESEARCH", "LA");
		for (String weak : List.of("short", "password1234", "qwertyuiop123", "iloveyou2026")) {
			var reply = api.post(fixtures.admin, "/api/v1/users", Map.of("username", Fixtures.unique("p"),
					"password", weak, "organisationId", org, "roles", List.of("RESEARCHER")));
			assertThat(reply.status()).as(weak).isEqualTo(400);
			assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		}
	}

	@Test
	void unknownRolesAreNamedByIndex() {
		String org = fixtures.organisation("MEDIA", "KH");
		var reply = api.post(fixtures.admin, "/api/v1/users", Map.of("username", Fixtures.unique("r"), "password",
				Fixtures.PASSWORD, "organisationId", org, "roles", List.of("ANALYST", "SUPERUSER")));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("roles[1]");
	}

	@Test
	void theOpenApiDescriptionAndHealthArePublished() {
		var docs = api.get(null, "/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/auth/token")).isTrue();
		var health = api.get(null, "/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		var metrics = api.send(fixtures.admin, "GET", "/actuator/prometheus", null, "text/plain");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
	}

	@Test
	void sharingGroupsAreVisibleToTheirMembersOnly() {
		String a = fixtures.organisation("LAW_ENFORCEMENT", "ID");
		String b = fixtures.organisation("LAW_ENFORCEMENT", "KH");
		String outsider = fixtures.organisation("LAW_ENFORCEMENT", "MM");
		var group = api.post(fixtures.admin, "/api/v1/sharing-groups",
				Map.of("name", Fixtures.unique("Mekong task force"), "organisationIds", List.of(a, b)));
		assertThat(group.status()).as(group.body()).isEqualTo(201);
		String groupId = group.json().get("id").asString();

		String member = fixtures.tokenFor(fixtures.account(b, "ANALYST"));
		String stranger = fixtures.tokenFor(fixtures.account(outsider, "ANALYST"));
		assertThat(api.get(member, "/api/v1/sharing-groups/" + groupId).status()).isEqualTo(200);
		assertThat(api.get(stranger, "/api/v1/sharing-groups/" + groupId).status()).isEqualTo(404);
		assertThat(api.get(stranger, "/api/v1/sharing-groups").json().valueStream()
				.map(g -> g.get("id").asString())).doesNotContain(groupId);

		var badMember = api.put(fixtures.admin, "/api/v1/sharing-groups/" + groupId + "/members",
				Map.of("organisationIds", List.of(a, "00000000-0000-0000-0000-000000000000")));
		assertThat(badMember.status()).isEqualTo(400);
		assertThat(badMember.json().get("errors").get(0).get("field").asString()).isEqualTo("organisationIds[1]");
		assertThat(api.get(member, "/api/v1/sharing-groups/" + groupId).json().get("members").size()).isEqualTo(2);
	}

	/** Organisations like the refused one: counting all of them would count what other tests register meanwhile. */
	private long refusedOrganisations() {
		return jdbc.sql("SELECT count(*) FROM directory_organisation WHERE name = '' OR country = 'XX'").query(Long.class)
				.single();
	}
}
