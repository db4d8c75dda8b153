package org.tipx.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class HashChainTests {

	private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123456789Z");

	private static final UUID ORG = UUID.fromString("8d1f0e4a-8c52-4f57-9d0e-6a2d4f0a1b11");

	@Test
	void theSameEntryAlwaysHashesTheSame() {
		assertThat(hash("login", "detail")).isEqualTo(hash("login", "detail")).hasSize(64);
	}

	@Test
	void changingAnyFieldChangesTheHash() {
		String original = hash("login", "detail");
		assertThat(hash("logout", "detail")).isNotEqualTo(original);
		assertThat(hash("login", "detail!")).isNotEqualTo(original);
		assertThat(HashChain.hash(2, AT, "alice", null, ORG, "login", null, null, "SUCCESS", "detail",
				HashChain.GENESIS)).isNotEqualTo(original);
	}

	@Test
	void movingCharactersBetweenNeighbouringFieldsChangesTheHash() {
		assertThat(hash("login", "x")).isNotEqualTo(hash("loginx", ""));
	}

	@Test
	void nullAndEmptyAreDifferent() {
		assertThat(hash("login", null)).isNotEqualTo(hash("login", ""));
	}

	@Test
	void nanosecondsBeyondWhatPostgresKeepsDoNotMatter() {
		Instant sameMicro = Instant.parse("2026-11-28T10:15:30.123456001Z");
		assertThat(HashChain.hash(1, sameMicro, "alice", null, ORG, "login", null, null, "SUCCESS", "d",
				HashChain.GENESIS)).isEqualTo(hash("login", "d"));
	}

	private static String hash(String action, String detail) {
		return HashChain.hash(1, AT, "alice", null, ORG, action, null, null, "SUCCESS", detail, HashChain.GENESIS);
	}
}
