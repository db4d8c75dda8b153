package org.tipx.signals.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.tipx.signals.alerts.AlertView;

/**
 * The alerts on one network, shown together under the network's title: the title of the report it is named after,
 * which the organisation sees (see {@link AlertView#networkTitle()}).
 *
 * @param countries every country the network's alerts show, in order
 * @param alerts    newest first
 */
record NetworkAlerts(UUID networkId, String title, List<String> countries, List<AlertView> alerts) {

	NetworkAlerts {
		countries = List.copyOf(countries);
		alerts = List.copyOf(alerts);
	}

	/** Groups an inbox (newest first) by network; the network with the newest alert comes first. */
	static List<NetworkAlerts> of(List<AlertView> inbox) {
		Map<UUID, List<AlertView>> byNetwork = new LinkedHashMap<>();
		inbox.forEach(a -> byNetwork.computeIfAbsent(a.networkId(), id -> new ArrayList<>()).add(a));
		return byNetwork.values().stream().map(alerts -> {
			TreeSet<String> countries = new TreeSet<>();
			alerts.forEach(a -> countries.addAll(a.countries()));
			return new NetworkAlerts(alerts.get(0).networkId(), alerts.get(0).networkTitle(), List.copyOf(countries),
					alerts);
		}).toList();
	}
}
