package org.tipx.recruitment.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinHashTests {

	private static final String AD = "Urgent hiring customer service staff for Sihanoukville. No experience needed,"
			+ " free flight and visa, salary 1500 USD per month, apply now on Telegram @fastjobs88 before Friday.";

	@Test
	void aRepostWithAChangedHandleAndPunctuationIsANearDuplicate() {
		String repost = "URGENT hiring: customer service staff for Sihanoukville! No experience needed,"
				+ " free flight and visa, salary 1500 USD per month, apply now on Telegram @jobsfast99 before Friday.";
		assertThat(MinHash.similarity(MinHash.signature(AD), MinHash.signature(repost)))
				.isGreaterThanOrEqualTo(MinHash.NEAR_DUPLICATE);
	}

	@Test
	void anUnrelatedAdIsNotANearDuplicate() {
		String other = "Accountant wanted in Surabaya, three years of experience, apply with your CV by e-mail to"
				+ " our human resources department; interviews in our office next month.";
		assertThat(MinHash.similarity(MinHash.signature(AD), MinHash.signature(other)))
				.isLessThan(MinHash.NEAR_DUPLICATE);
	}

	@Test
	void thaiWrittenWithoutSpacesIsCutIntoWordsSoRepostsStillMatch() {
		String thai = "รับสมัครพนักงานบริการลูกค้าทำงานที่กัมพูชาไม่ต้องมีประสบการณ์เงินเดือนสูงติดต่อทางเทเลแกรมด่วน";
		assertThat(MinHash.words(thai)).hasSizeGreaterThan(8);
		String repost = thai + "วันนี้";
		assertThat(MinHash.similarity(MinHash.signature(thai), MinHash.signature(repost)))
				.isGreaterThanOrEqualTo(MinHash.NEAR_DUPLICATE);
	}

	@Test
	void nearDuplicatesShareAnLshBandSoTheyAreFoundAsCandidates() {
		long[] a = MinHash.bands(MinHash.signature(AD));
		long[] b = MinHash.bands(MinHash.signature(AD.replace("Friday", "Monday")));
		boolean shared = false;
		for (int i = 0; i < a.length; i++) {
			shared |= a[i] == b[i];
		}
		assertThat(shared).isTrue();
	}
}
