package org.tipx.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

	@Test
	void idsAreVersionSevenCarryTheirMillisecondAndSortByIt() {
		long ms = 1_795_910_400_123L; // 2026-11-28T00:00:00.123Z
		UUID id = TimeOrderedIds.at(ms);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(ms);
		assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", ms >>> 16, ms & 0xFFFF));
		// PostgreSQL orders uuid values by their bytes, as their text sorts
		assertThat(TimeOrderedIds.at(ms).toString()).isLessThan(TimeOrderedIds.at(ms + 1).toString());
	}

	@Test
	void idsMadeInTheSameMillisecondDifferInTheirRandomBits() {
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(TimeOrderedIds.at(42));
		}
		assertThat(ids).hasSize(100_000);
	}
}
