package org.tipx.signals.sightings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tipx.signals.IndicatorType;

class ConfidenceDecayTests {

	private static final Instant CONFIRMED = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void anIndicatorConfirmedJustNowKeepsTheReportsConfidence() {
		assertThat(ConfidenceDecay.effective(IndicatorType.PHONE, 80, CONFIRMED, 0, CONFIRMED)).isEqualTo(80);
	}

	@Test
	void confidenceHalvesEveryHalfLifeOfTheType() {
		Instant later = CONFIRMED.plus(ConfidenceDecay.halfLife(IndicatorType.PHONE));
		assertThat(ConfidenceDecay.effective(IndicatorType.PHONE, 80, CONFIRMED, 0, later)).isEqualTo(40);
		assertThat(ConfidenceDecay.effective(IndicatorType.PHONE, 80, CONFIRMED, 0,
				CONFIRMED.plus(ConfidenceDecay.halfLife(IndicatorType.PHONE).multipliedBy(2)))).isEqualTo(20);
	}

	@Test
	void valuesScammersReplaceCheaplyDecayFaster() {
		Instant month = CONFIRMED.plus(Duration.ofDays(30));
		assertThat(ConfidenceDecay.effective(IndicatorType.IP, 80, CONFIRMED, 0, month))
				.isLessThan(ConfidenceDecay.effective(IndicatorType.CRYPTO_ADDRESS, 80, CONFIRMED, 0, month));
	}

	@Test
	void aReportWithoutConfidenceCountsAsFiftyAndEachFalsePositiveVoteHalvesIt() {
		assertThat(ConfidenceDecay.effective(IndicatorType.EMAIL, null, CONFIRMED, 0, CONFIRMED)).isEqualTo(50);
		assertThat(ConfidenceDecay.effective(IndicatorType.EMAIL, null, CONFIRMED, 2, CONFIRMED)).isEqualTo(13);
	}

	@Test
	void aConfirmationDatedAfterNowDoesNotRaiseConfidenceAboveTheReports() {
		assertThat(ConfidenceDecay.effective(IndicatorType.URL, 90, CONFIRMED.plusSeconds(30), 0, CONFIRMED))
				.isEqualTo(90);
	}
}
