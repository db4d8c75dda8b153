package org.tipx.signals.alerts;

import java.util.Set;

import org.tipx.shared.Tlp;
import org.tipx.signals.Category;

/**
 * Decides whether an organisation wants an alert its own view of a network would raise. Every path that raises
 * alerts (a report filed on its own, the reports of a bulk import) asks this one rule, after computing the alert from
 * the organisation's view and before storing it.
 */
public final class AlertFilter {

	private AlertFilter() {
	}

	/**
	 * Whether the organisation with this subscription wants the alert.
	 *
	 * @param subscription what the organisation chose (or the defaults)
	 * @param alert        what the alert would say, as the organisation sees the network
	 */
	public static boolean wants(AlertSubscription subscription, Candidate alert) {
		boolean crossesBorder = alert.countries().size() > 1;
		if (!crossesBorder && !subscription.followsInside(alert.reportCountry())) {
			return false;
		}
		if (alert.networkSize() < Math.max(subscription.minNetworkSize(), AlertSubscription.SMALLEST_NETWORK)) {
			return false;
		}
		if (alert.reportTlp().compareTo(subscription.tlpFloor()) < 0) {
			return false;
		}
		return subscription.categories().isEmpty()
				|| alert.categories().stream().anyMatch(subscription.categories()::contains);
	}

	/**
	 * What an alert would tell one organisation, from its own view.
	 *
	 * @param reportCountry the country of the new report
	 * @param reportTlp     the marking of the new report
	 * @param countries     the countries of the network as the organisation sees it, the new report's included
	 * @param categories    the categories of the reports of that network, the new report's included
	 * @param networkSize   how many reports that network holds, the new one included
	 */
	public record Candidate(String reportCountry, Tlp reportTlp, Set<String> countries, Set<Category> categories,
			int networkSize) {

		public Candidate {
			countries = Set.copyOf(countries);
			categories = Set.copyOf(categories);
		}
	}
}
