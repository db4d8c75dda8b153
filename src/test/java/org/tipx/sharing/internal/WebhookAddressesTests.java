package org.tipx.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import com.google.common.net.InetAddresses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipx.shared.InvalidInputException;

/**
 * Webhook addresses are read as the network stack reads them and refused when any address they stand for is
 * internal; the names here resolve through a resolver the test controls, never through real DNS.
 */
class WebhookAddressesTests {

	static final Map<String, List<String>> NAMES = Map.of(
			"hooks.example.org", List.of("93.184.216.34"),
			"intranet.example.org", List.of("10.1.2.3"),
			"mixed.example.org", List.of("93.184.216.34", "192.168.0.10"),
			"metadata.example.org", List.of("169.254.169.254"),
			"v6.example.org", List.of("2606:2800:220:1:248:1893:25c8:1946"),
			"ula.example.org", List.of("fd12:3456::1"));

	final WebhookAddresses strict = addresses(false);

	static WebhookAddresses addresses(boolean allowInsecure) {
		return new WebhookAddresses(host -> {
			List<String> answer = NAMES.get(host);
			if (answer == null) {
				throw new UnknownHostException(host);
			}
			return answer.stream().map(InetAddresses::forString).toList();
		}, new WebhookSettings(allowInsecure, null, null, null, 0, null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://2130706433/hook", "https://0177.0.0.1/hook", "https://0x7f.0.0.1/", "https://127.1/",
			"https://0x7f000001/", "https://017700000001/", "https://[fd00::1]/", "https://100.64.0.1/",
			"https://localhost./", "https://LOCALHOST/", "https://a.localhost/", "https://[::1]/",
			"https://[::ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://169.254.169.254/latest/meta-data",
			"https://[fe80::1]/", "https://0.0.0.0/", "https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.1.1/",
			"https://224.0.0.1/", "https://[ff02::1]/", "https://[64:ff9b::a00:1]/", "https://[2002:7f00:1::]/",
			"https://intranet.example.org/hook", "https://mixed.example.org/hook", "https://metadata.example.org/",
			"https://ula.example.org/" })
	void internalAddressesInAnySpellingAreRefusedAtRegistration(String url) {
		assertThatThrownBy(() -> strict.checked(url)).isInstanceOf(InvalidInputException.class)
				.satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("url"));
	}

	@Test
	void publicNamesAndAddressesAreAccepted() {
		assertThat(strict.checked("https://hooks.example.org/tipx").getHost()).isEqualTo("hooks.example.org");
		assertThat(strict.checked("https://v6.example.org/tipx")).isNotNull();
		assertThat(strict.checked("https://93.184.216.34/tipx")).isNotNull();
		assertThat(strict.checked("https://[2606:2800:220:1:248:1893:25c8:1946]/tipx")).isNotNull();
	}

	@Test
	void aNameThatDoesNotResolveIsRefused() {
		assertThatThrownBy(() -> strict.checked("https://nowhere.example.org/")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("does not resolve");
	}

	@Test
	void aDeliveryConnectsOnlyToTheAddressesCheckedForIt() throws Exception {
		org.tipx.sharing.OutboundAddresses.Destination destination = strict.destination("https://hooks.example.org:8443/tipx");
		assertThat(destination.addresses()).containsExactly(InetAddress.getByName("93.184.216.34"));
		assertThat(destination.host()).isEqualTo("hooks.example.org");
		assertThat(destination.port()).isEqualTo(8443);
		assertThatThrownBy(() -> strict.destination("https://intranet.example.org/"))
				.isInstanceOf(WebhookAddresses.Refused.class);
	}

	@Test
	void theInsecureSwitchAllowsPlainHttpToLoopbackForLocalTesting() throws Exception {
		WebhookAddresses insecure = addresses(true);
		assertThat(insecure.checked("http://127.0.0.1:8080/hook")).isNotNull();
		assertThat(insecure.destination("http://2130706433:8080/hook").addresses())
				.containsExactly(InetAddress.getByName("127.0.0.1"));
		assertThatThrownBy(() -> strict.checked("http://hooks.example.org/")).isInstanceOf(InvalidInputException.class);
	}
}
