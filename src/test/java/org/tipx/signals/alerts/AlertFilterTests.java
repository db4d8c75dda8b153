package org.tipx.signals.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.alerts.AlertFilter.Candidate;
import org.tipx.signals.alerts.AlertSubscription.Digest;

class AlertFilterTests {

	private static final AlertSubscription DEFAULTS = AlertSubscription.defaults("ID");

	private static Candidate crossing(Tlp tlp, int size, Category... categories) {
		return new Candidate("KH", tlp, Set.of("KH", "TH"), Set.of(categories), size);
	}

	@Test
	void theDefaultsWantEveryCrossBorderAlertAndNothingInsideOneCountry() {
		assertThat(AlertFilter.wants(DEFAULTS, crossing(Tlp.CLEAR, 2, Category.OTHER))).isTrue();
		assertThat(AlertFilter.wants(DEFAULTS, crossing(Tlp.RED, 40, Category.SCAM_COMPOUND))).isTrue();
		assertThat(AlertFilter.wants(DEFAULTS,
				new Candidate("ID", Tlp.GREEN, Set.of("ID"), Set.of(Category.OTHER), 5))).isFalse();
		assertThat(AlertFilter.wants(DEFAULTS,
				new Candidate("KH", Tlp.GREEN, Set.of("KH"), Set.of(Category.OTHER), 5))).isFalse();
	}

	@Test
	void aFollowedCountrysNetworksAlertBeforeTheyCrossABorderButTheOwnCountrysDoNot() {
		AlertSubscription followsCambodia = new AlertSubscription("ID", Set.of("KH"), Set.of(), 2, Tlp.CLEAR,
				Digest.NONE);
		assertThat(followsCambodia.countries()).containsExactly("ID", "KH");
		assertThat(AlertFilter.wants(followsCambodia,
				new Candidate("KH", Tlp.GREEN, Set.of("KH"), Set.of(Category.OTHER), 2))).isTrue();
		assertThat(AlertFilter.wants(followsCambodia,
				new Candidate("ID", Tlp.GREEN, Set.of("ID"), Set.of(Category.OTHER), 2))).isFalse();
		assertThat(AlertFilter.wants(followsCambodia,
				new Candidate("KH", Tlp.GREEN, Set.of("KH"), Set.of(Category.OTHER), 1))).isFalse();
	}

	@Test
	void theMinimumSizeCategoriesAndTlpFloorEachLeaveAlertsOut() {
		AlertSubscription bigOnly = new AlertSubscription("ID", Set.of(), Set.of(), 3, Tlp.CLEAR, Digest.NONE);
		assertThat(AlertFilter.wants(bigOnly, crossing(Tlp.GREEN, 2, Category.OTHER))).isFalse();
		assertThat(AlertFilter.wants(bigOnly, crossing(Tlp.GREEN, 3, Category.OTHER))).isTrue();

		AlertSubscription mules = new AlertSubscription("ID", Set.of(), Set.of(Category.MONEY_MULE), 2, Tlp.CLEAR,
				Digest.NONE);
		assertThat(AlertFilter.wants(mules, crossing(Tlp.GREEN, 2, Category.SCAM_COMPOUND))).isFalse();
		assertThat(AlertFilter.wants(mules, crossing(Tlp.GREEN, 2, Category.SCAM_COMPOUND, Category.MONEY_MULE)))
				.isTrue();

		AlertSubscription amber = new AlertSubscription("ID", Set.of(), Set.of(), 1, Tlp.AMBER, Digest.NONE);
		assertThat(AlertFilter.wants(amber, crossing(Tlp.GREEN, 2, Category.OTHER))).isFalse();
		assertThat(AlertFilter.wants(amber, crossing(Tlp.AMBER, 2, Category.OTHER))).isTrue();
		assertThat(AlertFilter.wants(amber, crossing(Tlp.RED, 2, Category.OTHER))).isTrue();
	}
}
