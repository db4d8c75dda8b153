package org.tipx.signals.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipx.Api;
import org.tipx.TipxIntegrationTest;
import org.tipx.signals.stix.StixCallers.Caller;
import tools.jackson.databind.JsonNode;

/**
 * An outcome recorded on an indicator travels in the report's STIX export as a {@code sighting} of the exported
 * indicator, sighted by the recording organisation, without its note, and conforms to the OASIS schema.
 */
@TipxIntegrationTest
class StixSightingsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anOutcomeIsExportedAsASightingOfTheIndicatorWithoutItsNote() {
		StixCallers callers = new StixCallers(new Api(port));
		Caller reporter = callers.analyst("KH");
		Caller partner = callers.analyst("TH");
		String phone = "+85512" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		String report = callers.file(reporter, "AMBER", List.of(Map.of("type", "phone", "value", phone)),
				List.of(partner.organisationId()));
		String indicatorId = callers.api.get(partner.token(), "/api/v1/signals/reports/" + report).json()
				.get("indicators").get(0).get("id").asString();
		var recorded = callers.api.post(partner.token(), "/api/v1/signals/indicators/" + indicatorId + "/sightings",
				Map.of("kind", "NUMBER_BLOCKED", "observedAt", "2026-11-20T10:00:00Z", "note", "blocked by operator"));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

		JsonNode bundle = callers.exportReport(reporter, report);
		JsonNode indicator = bundle.get("objects").valueStream().filter(o -> o.get("type").asString()
				.equals("indicator")).findFirst().orElseThrow();
		JsonNode sighting = bundle.get("objects").valueStream().filter(o -> o.get("type").asString()
				.equals("sighting")).findFirst().orElseThrow();
		assertThat(sighting.get("id").asString()).isEqualTo(recorded.json().get("stixId").asString());
		assertThat(sighting.get("sighting_of_ref").asString()).isEqualTo(indicator.get("id").asString());
		assertThat(sighting.get("where_sighted_refs").get(0).asString())
				.isEqualTo("identity--" + partner.organisationId());
		assertThat(sighting.get("x_tipx_kind").asString()).isEqualTo("NUMBER_BLOCKED");
		assertThat(sighting.get("first_seen").asString()).isEqualTo("2026-11-20T10:00:00.000Z");
		assertThat(bundle.toString()).doesNotContain("blocked by operator");

		Assumptions.assumeTrue(OasisSchemas.present(), "the OASIS STIX 2.1 schemas are not at "
				+ OasisSchemas.SCHEMAS.toAbsolutePath().normalize() + ": conformance not checked");
		assertThat(new OasisSchemas().problems(sighting)).isEmpty();
	}
}
