package org.tipx.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hosts are read as inet_aton and the IPv6 parser read them, so no spelling of an address passes for a name.
 */
class AddressLiteralTests {

	@ParameterizedTest
	@CsvSource({ "2130706433, 127.0.0.1", "0177.0.0.1, 127.0.0.1", "0x7f.0.0.1, 127.0.0.1", "127.1, 127.0.0.1",
			"10.1.65535, 10.1.255.255", "0, 0.0.0.0", "0x0a.0x10.1, 10.16.0.1", "8.8.8.8, 8.8.8.8" })
	void ipv4InEveryFormTheNetworkStackAccepts(String host, String address) {
		assertThat(AddressLiteral.parse(host)).get().extracting(a -> a.getHostAddress()).isEqualTo(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.org", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "4294967296", "09.1.1.1",
			"1..2", "0xg.1.1.1", "127.0.0.1x" })
	void anythingElseIsANameToResolve(String host) {
		assertThat(AddressLiteral.parse(host)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "[fd00::1], fd00:0:0:0:0:0:0:1", "[::1], 0:0:0:0:0:0:0:1" })
	void ipv6InBrackets(String host, String address) {
		assertThat(AddressLiteral.parse(host)).get().extracting(a -> a.getHostAddress()).isEqualTo(address);
	}
}
