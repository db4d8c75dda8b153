package org.tipx.signals.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tipx.signals.IndicatorType;

/**
 * IP addresses in their standard text; addresses of special-purpose ranges are kept but never link.
 */
class IpAddressesTests {

	private final Canonicalisers canonicalisers = Canonicalisers.standard();

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			203.0.114.7                               | 203.0.114.7
			203.0.114.7:8080                          | 203.0.114.7
			203.0.114[.]7                             | 203.0.114.7
			2606:4700:4700:0000:0000:0000:0000:1111   | 2606:4700:4700::1111
			2606:4700:4700::1111                      | 2606:4700:4700::1111
			[2606:4700:4700::1111]:443                | 2606:4700:4700::1111
			::ffff:203.0.114.7                        | 203.0.114.7
			""")
	void spellingsOfOneAddressMeet(String typed, String canonical) {
		Canonical ip = ip(typed);
		assertThat(ip.valid()).as(ip.reason()).isTrue();
		assertThat(ip.canonical()).isEqualTo(canonical);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			192.168.1.10     | a private address (RFC 1918)
			10.20.30.40      | a private address (RFC 1918)
			172.16.5.4       | a private address (RFC 1918)
			100.64.3.4       | a carrier-grade NAT address, shared by many subscribers (RFC 6598)
			127.0.0.1        | a loopback address, the machine itself (RFC 1122)
			192.0.2.15       | an address reserved for documentation examples (RFC 5737)
			2001:db8::1      | an address reserved for documentation examples (RFC 3849)
			fd12:3456::1     | a unique local (private) address (RFC 4193)
			fe80::1          | a link-local address (RFC 4291)
			""")
	void specialPurposeAddressesAreFlaggedAndNeverLink(String typed, String range) {
		Canonical ip = ip(typed);
		assertThat(ip.valid()).isFalse();
		assertThat(ip.details()).containsEntry("range", range);
		assertThat(ip.reason()).contains("cannot link reports");
	}

	@Test
	void theVersionIsReported() {
		assertThat(ip("8.8.8.8").details()).containsEntry("version", "4");
		assertThat(ip("2606:4700::1111").details()).containsEntry("version", "6");
	}

	@Test
	void whatIsNotOneAddressIsInvalid() {
		assertThat(ip("10.0.0.0/8").reason()).contains("range (CIDR)");
		assertThat(ip("999.1.1.1").valid()).isFalse();
		assertThat(ip("010.1.1.1").reason()).contains("leading zeros");
		assertThat(ip("golden-jobs.com").valid()).isFalse();
	}

	private Canonical ip(String value) {
		return canonicalisers.canonicalise(new RawIndicator(IndicatorType.IP, value, null, null, null));
	}
}
