package org.tipx.recruitment.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipx.shared.InvalidInputException;
import org.tipx.sharing.OutboundAddresses;

class SourceRulesTests {

	/** Refuses what the webhooks' rule refuses for these tests: loopback hosts. */
	private static final OutboundAddresses ADDRESSES = (uri, insecure) -> {
		if (uri.getHost() == null || uri.getHost().equals("127.0.0.1")) {
			throw new OutboundAddresses.Refused("must not point at a loopback or private-network address");
		}
		return new OutboundAddresses.Destination(uri, uri.getHost(), 443, List.of(InetAddress.getLoopbackAddress()));
	};

	private final SourceRules rules = new SourceRules(ADDRESSES,
			new MonitoringSettings(Path.of("feeds"), false, null, null, 0, 0, null));

	@Test
	void aFeedAtAPrivateAddressIsRefusedNamingTheLocation() {
		assertThatThrownBy(() -> rules.check(new SourceDraft("Board", "FEED", "http://127.0.0.1/feed", 60, null, null)))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
						.anySatisfy(err -> assertThat(err.field()).isEqualTo("location")));
	}

	@Test
	void aCsvFolderMayNotClimbOutOfTheDropFolder() {
		for (String folder : List.of("../etc", "/etc", "a/b", "", "..")) {
			assertThatThrownBy(() -> rules.check(new SourceDraft("Drop", "CSV", folder, 60, null, null)))
					.as(folder).isInstanceOfSatisfying(InvalidInputException.class,
							e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
									.contains("location"));
		}
		assertThat(rules.check(new SourceDraft("Drop", "csv", "board-1", null, null, null)).location())
				.isEqualTo("board-1");
	}

	@Test
	void everyBrokenRuleIsNamedByItsField() {
		assertThatThrownBy(() -> rules.check(new SourceDraft(" ", "FTP", "x", 0, Map.of("salary_usd", "pay"), null)))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
						.extracting(InvalidInputException.FieldError::field)
						.containsExactlyInAnyOrder("name", "kind", "intervalMinutes", "fieldMapping.salary_usd"));
	}
}
