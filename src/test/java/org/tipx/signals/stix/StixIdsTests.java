package org.tipx.signals.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Observable ids are those any STIX 2.1 producer computes (§2.9). The expected ids were computed independently with
 * Python's uuid module the way the OASIS stix2 library does it: uuid5(STIX namespace, RFC 8785 JSON of the
 * id-contributing properties).
 */
class StixIdsTests {

	@Test
	void aUrlGetsTheIdEveryStixProducerGivesIt() {
		assertThat(StixIds.observable("url", Map.of("value", "https://example.com/research/index.html")))
				.isEqualTo("url--47c3cf9a-5027-5bf0-997a-017c7edc7c55");
	}

	@Test
	void anEmailAddressAndAnIpAddressToo() {
		assertThat(StixIds.observable("email-addr", Map.of("value", "john@example.com")))
				.isEqualTo("email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934");
		assertThat(StixIds.observable("ipv4-addr", Map.of("value", "198.51.100.3")))
				.isEqualTo("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4");
	}

	@Test
	void propertiesAreSortedWhateverOrderTheyAreGivenIn() {
		Map<String, String> reversed = new LinkedHashMap<>();
		reversed.put("user_id", "recruiter");
		reversed.put("account_type", "telegram");
		assertThat(StixIds.observable("user-account", reversed))
				.isEqualTo("user-account--a3dfe0bb-24e7-5fd0-bf36-f96b85edbe73");
	}

	@Test
	void nonAsciiTextIsHashedAsUtf8NotEscaped() {
		assertThat(StixIds.observable("domain-name", Map.of("value", "ü.example")))
				.isEqualTo("domain-name--601bf131-2ce2-5bc1-bdda-3cabddd37052");
	}

	@Test
	void canonicalJsonEscapesOnlyWhatRfc8785Escapes() {
		assertThat(StixIds.canonicalJson(Map.of("b", "x\"y\\z\n\u0001", "a", "é")))
				.isEqualTo("{\"a\":\"é\",\"b\":\"x\\\"y\\\\z\\n\\u0001\"}");
	}

	@Test
	void derivedIdsAreStableAndVersion5() {
		String once = StixIds.derived("indicator", "r1", "phone:+85512345678");
		assertThat(StixIds.derived("indicator", "r1", "phone:+85512345678")).isEqualTo(once);
		assertThat(StixIds.derived("indicator", "r2", "phone:+85512345678")).isNotEqualTo(once);
		assertThat(once).matches("indicator--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
	}
}
