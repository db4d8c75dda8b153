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
 * Who may call what: no token gives 401, a role that may not gives 403, the right role succeeds. Every refusal is
 * problem+json.
 */
@TipxIntegrationTest
class RoleMatrixIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		fixtures = new Fixtures(api);
	}

	@Test
	void withoutATokenEveryApiCallIs401ProblemJson() {
		for (String path : List.of("/api/v1/organisations", "/api/v1/users", "/api/v1/audit/verify",
				"/api/v1/sharing-groups", "/api/v1/me")) {
			var reply = api.get(null, path);
			assertThat(reply.status()).as(path).isEqualTo(401);
			assertThat(reply.isProblem()).as(path).isTrue();
			assertThat(reply.json().get("title").asString()).isEqualTo("Unauthorized");
		}
	}

	@Test
	void aForgedOrRevokedTokenIs401() {
		assertThat(api.get("tipx_not-a-real-token", "/api/v1/organisations").status()).isEqualTo(401);
		assertThat(api.get("garbage", "/api/v1/organisations").status()).isEqualTo(401);
		String org = fixtures.organisation("CIVIL_SOCIETY", "KH");
		String token = fixtures.tokenFor(fixtures.account(org, "CASE_WORKER"));
		assertThat(api.get(token, "/api/v1/organisations").status()).isEqualTo(200);
		assertThat(api.post(token, "/api/v1/auth/revoke", null).status()).isEqualTo(204);
		var after = api.get(token, "/api/v1/organisations");
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.json().get("detail").asString()).contains("revoked");
	}

	@Test
	void everyAccountListsOrganisationsButOnlyAdminRegistersThem() {
		String org = fixtures.organisation("LAW_ENFORCEMENT", "TH");
		String analyst = fixtures.tokenFor(fixtures.account(org, "ANALYST"));
		var list = api.get(analyst, "/api/v1/organisations");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().isArray()).isTrue();
		assertThat(list.json().valueStream().map(o -> o.get("id").asString())).contains(org);

		var refused = api.post(analyst, "/api/v1/organisations",
				Map.of("name", Fixtures.unique("x"), "type", "MEDIA", "country", "TH"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();

		String orgAdmin = fixtures.tokenFor(fixtures.account(org, "ORG_ADMIN"));
		assertThat(api.post(orgAdmin, "/api/v1/organisations",
				Map.of("name", Fixtures.unique("x"), "type", "MEDIA", "country", "TH")).status()).isEqualTo(403);
	}

	@Test
	void onlyAdminAndOrgAdminManageAccounts() {
		String org = fixtures.organisation("CONSULATE", "ID");
		for (String role : List.of("SCREENER", "CASE_WORKER", "ANALYST", "INVESTIGATOR", "MODERATOR", "FOCAL_POINT",
				"RESEARCHER")) {
			String token = fixtures.tokenFor(fixtures.account(org, role));
			assertThat(api.get(token, "/api/v1/users").status()).as(role).isEqualTo(403);
			assertThat(api.post(token, "/api/v1/users", Map.of("username", Fixtures.unique("u"), "password",
					Fixtures.PASSWORD, "organisationId", org, "roles", List.of("SCREENER"))).status()).as(role)
					.isEqualTo(403);
			assertThat(api.get(token, "/api/v1/audit/verify").status()).as(role).isEqualTo(403);
		}
		String orgAdmin = fixtures.tokenFor(fixtures.account(org, "ORG_ADMIN"));
		assertThat(api.get(orgAdmin, "/api/v1/users").status()).isEqualTo(200);
		assertThat(api.get(orgAdmin, "/api/v1/audit/verify").status()).isEqualTo(403);
		assertThat(api.get(fixtures.admin, "/api/v1/audit/verify").status()).isEqualTo(200);
	}

	@Test
	void aMachineTokenActsOnlyWithinItsScopes() {
		String org = fixtures.organisation("PLATFORM", "SG");
		String orgAdmin = fixtures.tokenFor(fixtures.account(org, "ORG_ADMIN"));
		var issued = api.post(orgAdmin, "/api/v1/tokens", Map.of("name", "trust and safety sync", "scopes",
				List.of("directory:read")));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String machine = issued.json().get("token").asString();

		assertThat(api.get(machine, "/api/v1/organisations").status()).isEqualTo(200);
		assertThat(api.get(machine, "/api/v1/users").status()).isEqualTo(403);
		assertThat(api.get(machine, "/api/v1/sharing-groups").status()).isEqualTo(403);
		assertThat(api.get(machine, "/api/v1/me").json().get("machine").asBoolean()).isTrue();

		var unknownScope = api.post(orgAdmin, "/api/v1/tokens", Map.of("name", "x", "scopes", List.of("signals:god")));
		assertThat(unknownScope.status()).isEqualTo(400);
		assertThat(unknownScope.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes[0]");

		String tokenId = issued.json().get("id").asString();
		assertThat(api.delete(orgAdmin, "/api/v1/tokens/" + tokenId).status()).isEqualTo(204);
		assertThat(api.get(machine, "/api/v1/organisations").status()).isEqualTo(401);
	}
}
