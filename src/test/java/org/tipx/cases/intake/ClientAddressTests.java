package org.tipx.cases.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTests {

	@Test
	void aForwardedForHeaderIsIgnoredUnlessThePeerIsATrustedProxy() {
		ClientAddress client = ClientAddress.of("203.0.113.9", "198.51.100.1", List.of());

		assertThat(client.address().getHostAddress()).isEqualTo("203.0.113.9");
	}

	@Test
	void behindATrustedProxyTheLastUntrustedForwardedAddressCounts() {
		ClientAddress client = ClientAddress.of("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.3",
				List.of("10.0.0.2", "10.0.0.3"));

		assertThat(client.address().getHostAddress()).as("what the client wrote itself (6.6.6.6) is not believed")
				.isEqualTo("198.51.100.1");
	}

	@Test
	void aForwardedNameIsNeverLookedUp() {
		ClientAddress client = ClientAddress.of("10.0.0.2", "example.org", List.of("10.0.0.2"));

		assertThat(client.address().getHostAddress()).isEqualTo("10.0.0.2");
	}

	@Test
	void theNetworkIsTheSlash24OfIpv4AndTheSlash48OfIpv6() {
		assertThat(ClientAddress.of("198.51.100.7", null, List.of()).networkKey())
				.isEqualTo(ClientAddress.of("198.51.100.200", null, List.of()).networkKey())
				.isNotEqualTo(ClientAddress.of("198.51.101.7", null, List.of()).networkKey());
		assertThat(ClientAddress.of("2001:db8:1:2::1", null, List.of()).networkKey())
				.isEqualTo(ClientAddress.of("2001:db8:1:ffff::9", null, List.of()).networkKey())
				.isNotEqualTo(ClientAddress.of("2001:db8:2::1", null, List.of()).networkKey());
	}
}
