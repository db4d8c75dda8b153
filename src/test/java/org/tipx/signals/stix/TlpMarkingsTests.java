package org.tipx.signals.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipx.shared.Tlp;

/** The ids and objects are the ones OASIS publishes (cti-stix-common-objects, tlp-2.0), copied, not derived. */
class TlpMarkingsTests {

	@Test
	void exportsThePublishedTlp2Ids() {
		assertThat(TlpMarkings.id(Tlp.CLEAR)).isEqualTo("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
		assertThat(TlpMarkings.id(Tlp.GREEN)).isEqualTo("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
		assertThat(TlpMarkings.id(Tlp.AMBER)).isEqualTo("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
		assertThat(TlpMarkings.id(Tlp.AMBER_STRICT))
				.isEqualTo("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
		assertThat(TlpMarkings.id(Tlp.RED)).isEqualTo("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
	}

	@Test
	void shipsTheMarkingObjectExactlyAsPublished() {
		assertThat(TlpMarkings.definition(Tlp.AMBER_STRICT)).isEqualTo(Map.of("type", "marking-definition",
				"spec_version", "2.1", "id", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "created",
				"2022-10-01T00:00:00.000Z", "name", "TLP:AMBER+STRICT", "extensions",
				Map.of("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d",
						Map.of("extension_type", "property-extension", "tlp_2_0", "amber+strict"))));
	}

	@Test
	void readsTlp1IdsAsWell() {
		assertThat(TlpMarkings.of("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9")).contains(Tlp.CLEAR);
		assertThat(TlpMarkings.of("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da")).contains(Tlp.GREEN);
		assertThat(TlpMarkings.of("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82")).contains(Tlp.AMBER);
		assertThat(TlpMarkings.of("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed")).contains(Tlp.RED);
		assertThat(TlpMarkings.of("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ec")).isEmpty();
		assertThat(TlpMarkings.ofWord("TLP:WHITE")).contains(Tlp.CLEAR);
	}
}
