package org.tipx.directory.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Api.Reply;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * The Prometheus metrics describe the whole installation: they need a machine token with {@code metrics:read}, which
 * only an ADMIN grants, or an ADMIN's own token. Health stays public for load balancers.
 */
@TipxIntegrationTest
class MetricsAccessIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures fixtures;

	@BeforeEach
	void client() {
		api = new Api(port);
		fixtures = new Fixtures(api);
	}

	@Test
	void anonymousScrapesAreRefusedWithAProblem() {
		Reply refused = metrics(null);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.body()).doesNotContain("jvm_memory_used_bytes");
		assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void aMachineTokenWithoutTheMetricsScopeIsForbidden() {
		String orgAdmin = fixtures.tokenFor(fixtures.account(fixtures.organisation("PLATFORM", "SG"), "ORG_ADMIN"));
		String directoryReader = machineToken(orgAdmin, "directory:read").json().get("token").asString();

		Reply refused = metrics(directoryReader);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
		assertThat(metrics(orgAdmin).status()).as("an ORG_ADMIN's own token").isEqualTo(403);
	}

	@Test
	void aMachineTokenWithTheMetricsScopeReadsPrometheusText() {
		String scraper = machineToken(fixtures.admin, "metrics:read").json().get("token").asString();

		Reply scraped = metrics(scraper);
		assertThat(scraped.status()).isEqualTo(200);
		assertThat(scraped.contentType()).startsWith("text/plain");
		assertThat(scraped.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
		assertThat(metrics(fixtures.admin).status()).as("an ADMIN's own token").isEqualTo(200);
	}

	@Test
	void onlyAnAdministratorMayGrantTheMetricsScope() {
		String orgAdmin = fixtures.tokenFor(fixtures.account(fixtures.organisation("PLATFORM", "SG"), "ORG_ADMIN"));
		Reply refused = machineToken(orgAdmin, "metrics:read");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
	}

	private Reply metrics(String token) {
		return api.send(token, "GET", "/actuator/prometheus", null, "text/plain");
	}

	private Reply machineToken(String issuer, String scope) {
		return api.post(issuer, "/api/v1/tokens", Map.of("name", Fixtures.unique("scraper"), "scopes", List.of(scope)));
	}
}
