package org.tipx.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/**
 * The re-recruitment risk check: quiet answers are LOW, one strong sign is at least MEDIUM, two strong signs HIGH;
 * a rise is a higher level than the previous visit's, and a first visit has nothing to rise from.
 */
class RecruitmentRiskTests {

	@Test
	void quietAnswersAreLow() {
		assertThat(new RecruitmentRisk("NONE", "NONE", "NONE", "NO").level()).isEqualTo("LOW");
		assertThat(new RecruitmentRisk("DECLINED", "NONE", "NONE", "NO").level()).isEqualTo("LOW");
	}

	@Test
	void oneStrongSignIsMedium() {
		assertThat(new RecruitmentRisk("NONE", "NONE", "REPEATED", "NO").level()).isEqualTo("MEDIUM");
		assertThat(new RecruitmentRisk("DECLINED", "SOME", "NONE", "NO").level()).isEqualTo("MEDIUM");
	}

	@Test
	void twoStrongSignsAreHigh() {
		assertThat(new RecruitmentRisk("CONSIDERING", "NONE", "NONE", "YES").level()).isEqualTo("HIGH");
		assertThat(new RecruitmentRisk("DECLINED", "SOME", "ONCE", "UNSURE").level()).isEqualTo("HIGH");
	}

	@Test
	void aRiseIsAHigherLevelThanThePreviousVisits() {
		assertThat(RecruitmentRisk.rose("LOW", "MEDIUM")).isTrue();
		assertThat(RecruitmentRisk.rose("MEDIUM", "MEDIUM")).isFalse();
		assertThat(RecruitmentRisk.rose("HIGH", "LOW")).isFalse();
		assertThat(RecruitmentRisk.rose(null, "MEDIUM")).as("a first visit").isFalse();
	}

	@Test
	void anAnswerOutsideItsVocabularyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecruitmentRisk("MANY", "NONE", "NONE", "NO"))
				.withMessageContaining("jobOffers");
	}
}
