package org.tipx.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;

/**
 * The lookup rate limit belongs to each caller: two organisations' machine tokens that happen to share a name do not
 * share a limit.
 */
@TipxIntegrationTest
class LookupLimitIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Fixtures directory;

	@BeforeEach
	void client() {
		api = new Api(port);
		directory = new Fixtures(api);
	}

	@Test
	void exhaustingOneOrganisationsMachineTokenLeavesTheSameNamedTokenOfAnotherOrganisationFree() {
		String name = Fixtures.unique("siem");
		String first = machineToken(directory.organisation("LAW_ENFORCEMENT", "TH"), name);
		String second = machineToken(directory.organisation("LAW_ENFORCEMENT", "VN"), name);

		// One request over the per-minute limit (600 in tests) is refused and spends the first token's minute.
		List<Map<String, String>> tooMany = new ArrayList<>();
		for (int i = 0; i < 601; i++) {
			tooMany.add(Map.of("type", "phone", "value", "+6592" + String.format("%06d", i)));
		}
		assertThat(api.post(first, "/api/v1/signals/lookup", tooMany).status()).isEqualTo(429);
		assertThat(api.get(first, "/api/v1/signals/lookup?type=phone&value=%2B6592000001").status()).isEqualTo(429);

		var other = api.get(second, "/api/v1/signals/lookup?type=phone&value=%2B6592000001");
		assertThat(other.status()).as(other.body()).isEqualTo(200);
		assertThat(other.json().get("canonical").asString()).isEqualTo("+6592000001");
	}

	private String machineToken(String organisation, String name) {
		String orgAdmin = directory.tokenFor(directory.account(organisation, "ORG_ADMIN"));
		var issued = api.post(orgAdmin, "/api/v1/tokens", Map.of("name", name, "scopes", List.of("signals:read")));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json().get("token").asString();
	}
}
