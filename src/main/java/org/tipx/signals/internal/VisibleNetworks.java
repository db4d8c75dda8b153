package org.tipx.signals.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The network around one report as one viewer may see it, computed only from what that viewer sees: links run only
 * through the viewer's visible active reports, cuts between them hold, and a value the automatic cap flagged stops
 * linking for the viewer only if the viewer itself sees more active reports holding it than the cap (ADR 0015). So
 * reports the viewer cannot see never change what it is told: not the members, not the links, not the network id,
 * not whether a cut separated two reports.
 *
 * <p>Stored networks are where the search starts. Without flagged values, a viewer's part of a network lies inside
 * one stored network (it is a subgraph of the whole graph); a flagged value that still links for this viewer may join
 * parts of several, so their stored networks are read too.
 */
@Component
class VisibleNetworks {

	private final ReportStore store;

	private final Cuts cuts;

	private final LinkRules rules;

	private final SignalsSettings settings;

	VisibleNetworks(ReportStore store, Cuts cuts, LinkRules rules, SignalsSettings settings) {
		this.store = store;
		this.cuts = cuts;
		this.rules = rules;
		this.settings = settings;
	}

	/** The viewer's network around an active report the viewer sees. */
	Visible around(Viewer viewer, StoredReport report, Instant now) {
		Map<UUID, StoredReport> members = new LinkedHashMap<>();
		List<StoredIndicator> indicators = new ArrayList<>();
		// Flagged values held by the members: whether each still links for this viewer.
		Map<ValueKey, Boolean> flaggedLinks = new HashMap<>();
		Set<UUID> networksRead = new HashSet<>();
		Deque<UUID> networks = new ArrayDeque<>(List.of(report.networkId()));
		while (!networks.isEmpty()) {
			UUID network = networks.poll();
			if (!networksRead.add(network)) {
				continue;
			}
			List<UUID> added = new ArrayList<>();
			for (StoredReport member : store.inNetwork(network)) {
				if (member.activeAt(now) && viewer.sees(member, now) && members.putIfAbsent(member.id(), member) == null) {
					added.add(member.id());
				}
			}
			if (added.isEmpty()) {
				continue;
			}
			List<StoredIndicator> held = store.indicatorsOf(added);
			indicators.addAll(held);
			for (StoredIndicator indicator : held) {
				ValueKey value = indicator.key();
				if (!indicator.valid() || flaggedLinks.containsKey(value) || !rules.flaggedByCap(value)
						|| !rules.linkableBeforeCap(value)) {
					continue;
				}
				List<StoredReport> holders = store.holding(value).stream()
						.filter(h -> h.activeAt(now) && viewer.sees(h, now)).toList();
				boolean links = holders.size() <= settings.linkCap();
				flaggedLinks.put(value, links);
				if (links) {
					holders.forEach(h -> networks.add(h.networkId()));
				}
			}
		}
		LinkGraph graph = new LinkGraph(members, indicators, cuts.among(members.keySet()),
				value -> rules.linkableBeforeCap(value) && flaggedLinks.getOrDefault(value, !rules.flaggedByCap(value)),
				settings.ageOut());
		return new Visible(graph, graph.componentOf(report.id()));
	}

	/** One viewer's part of a network: the graph read, and the reports connected to the report through it. */
	record Visible(LinkGraph graph, Set<UUID> component) {

		/** Named after the oldest report in the component, so the name depends only on what the viewer sees. */
		UUID networkId() {
			return NetworkViews.publicId(component.stream().min(graph.oldestFirst()).orElseThrow());
		}
	}
}
