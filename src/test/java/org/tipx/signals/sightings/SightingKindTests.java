package org.tipx.signals.sightings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SightingKindTests {

	@Test
	void kindsAreReadWithoutRegardToCaseSpacesOrHyphens() {
		assertThat(SightingKind.parse("WALLET_FROZEN")).contains(SightingKind.WALLET_FROZEN);
		assertThat(SightingKind.parse(" wallet frozen ")).contains(SightingKind.WALLET_FROZEN);
		assertThat(SightingKind.parse("false-positive")).contains(SightingKind.FALSE_POSITIVE);
		assertThat(SightingKind.parse("frozen")).isEmpty();
		assertThat(SightingKind.parse(null)).isEmpty();
	}

	@Test
	void outcomesAreTheActionsTakenAndOnlyAFalsePositiveDoesNotConfirm() {
		assertThat(SightingKind.SEEN.outcome()).isFalse();
		assertThat(SightingKind.FALSE_POSITIVE.outcome()).isFalse();
		assertThat(SightingKind.ARREST.outcome()).isTrue();
		assertThat(SightingKind.FALSE_POSITIVE.confirms()).isFalse();
		assertThat(SightingKind.NUMBER_BLOCKED.confirms()).isTrue();
	}
}
