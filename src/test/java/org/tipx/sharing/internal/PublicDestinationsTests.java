package org.tipx.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipx.sharing.OutboundAddresses;

class PublicDestinationsTests {

	/** Every name resolves to the cloud metadata address, as a hostile DNS answer would. */
	private final PublicDestinations destinations = new PublicDestinations(
			host -> List.of(InetAddress.getByName("169.254.169.254")));

	@Test
	void aFeedMayNotPointAtLoopbackPrivateOrMetadataAddressesHoweverWritten() {
		for (String url : List.of("https://127.0.0.1/feed", "https://2130706433/feed", "https://[::1]/feed",
				"https://10.0.0.8/feed", "https://localhost/feed", "https://jobs.example/feed")) {
			assertThatThrownBy(() -> destinations.check(URI.create(url), false)).as(url)
					.isInstanceOf(OutboundAddresses.Refused.class)
					.hasMessageContaining("loopback or private-network");
		}
	}

	@Test
	void plainHttpAndUserInfoAreRefusedUnlessTesting() {
		assertThatThrownBy(() -> destinations.check(URI.create("http://93.184.215.14/feed"), false))
				.hasMessageContaining("https");
		assertThatThrownBy(() -> destinations.check(URI.create("https://me:pw@93.184.215.14/feed"), false))
				.hasMessageContaining("user name");
	}

	@Test
	void aPublicAddressIsPinnedAndTestsMayUseLoopback() throws OutboundAddresses.Refused {
		OutboundAddresses.Destination checked = destinations.check(URI.create("https://93.184.215.14/jobs.rss"), false);
		assertThat(checked.port()).isEqualTo(443);
		assertThat(checked.addresses()).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
		assertThat(destinations.check(URI.create("http://127.0.0.1:8081/feed"), true).port()).isEqualTo(8081);
	}
}
