package org.tipx.recruitment.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipx.recruitment.moderation.Recalibration.Decided;

class RecalibrationTests {

	@Test
	void withTooFewDecisionsTheEnginesThresholdStays() {
		List<Decided> few = new ArrayList<>();
		for (int i = 0; i < 19; i++) {
			few.add(new Decided(i / 20.0, i % 2 == 0));
		}
		assertThat(Recalibration.choose(few)).isEmpty();
	}

	@Test
	void theThresholdSeparatingFraudFromLegitimateMaximisesF1() {
		List<Decided> decided = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			decided.add(new Decided(0.70 + i * 0.02, true));
			decided.add(new Decided(0.30 + i * 0.02, false));
		}
		Recalibration.Choice choice = Recalibration.choose(decided).orElseThrow();
		assertThat(choice.f1()).isEqualTo(1.0);
		assertThat(choice.threshold()).isGreaterThan(0.48).isLessThanOrEqualTo(0.70);
		assertThat(choice.decided()).isEqualTo(20);
	}

	@Test
	void mixedScoresGiveTheCutWithTheBestBalance() {
		List<Decided> decided = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			decided.add(new Decided(0.9, true));
		}
		decided.add(new Decided(0.4, true));
		decided.add(new Decided(0.4, true));
		decided.add(new Decided(0.85, false));
		for (int i = 0; i < 12; i++) {
			decided.add(new Decided(0.2, false));
		}
		Recalibration.Choice choice = Recalibration.choose(decided).orElseThrow();
		// at 0.3 all 10 frauds and one false positive (F1 20/21) beat 0.875 (8 of 10, none false: 16/18)
		assertThat(choice.threshold()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(choice.f1()).isCloseTo(20.0 / 21.0, org.assertj.core.data.Offset.offset(1e-9));
	}
}
