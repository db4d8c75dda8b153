package org.tipx.signals.correlation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.reading.NetworkViews;

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
public class VisibleNetworks {

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
	public Visible around(Viewer viewer, StoredReport report, Instant now) {
		return around(viewer, report, now, reads(null));
	}

	/**
	 * Reads of the store for drawing several viewers' networks around the same report at once, each read once.
	 *
	 * @param filedUpTo only reports filed by then count (a network as it stood then); null for all
	 */
	public Reads reads(Instant filedUpTo) {
		return new Reads(filedUpTo);
	}

	/** The viewer's network around an active report the viewer sees, reading through {@code reads}. */
	public Visible around(Viewer viewer, StoredReport report, Instant now, Reads reads) {
		Map<UUID, StoredReport> members = new LinkedHashMap<>();
		List<StoredIndicator> indicators = new ArrayList<>();
		// Flagged values held by the members: whether each still links for this viewer.
		Map<ValueKey, Boolean> flaggedLinks = new HashMap<>();
		Set<UUID> networksRead = new LinkedHashSet<>();
		Deque<UUID> networks = new ArrayDeque<>(List.of(report.networkId()));
		while (!networks.isEmpty()) {
			UUID network = networks.poll();
			if (!networksRead.add(network)) {
				continue;
			}
			Set<UUID> added = new HashSet<>();
			for (StoredReport member : reads.inNetwork(network)) {
				if (member.activeAt(now) && viewer.sees(member, now) && members.putIfAbsent(member.id(), member) == null) {
					added.add(member.id());
				}
			}
			if (added.isEmpty()) {
				continue;
			}
			List<StoredIndicator> held = reads.indicatorsIn(network).stream()
					.filter(i -> added.contains(i.reportId())).toList();
			indicators.addAll(held);
			for (StoredIndicator indicator : held) {
				ValueKey value = indicator.key();
				if (!indicator.valid() || flaggedLinks.containsKey(value) || !rules.flaggedByCap(value)
						|| !rules.linkableBeforeCap(value)) {
					continue;
				}
				List<StoredReport> holders = reads.holding(value).stream()
						.filter(h -> h.activeAt(now) && viewer.sees(h, now)).toList();
				boolean links = holders.size() <= settings.linkCap();
				flaggedLinks.put(value, links);
				if (links) {
					holders.forEach(h -> networks.add(h.networkId()));
				}
			}
		}
		LinkGraph graph = new LinkGraph(members, indicators, reads.cutsIn(networksRead),
				value -> rules.linkableBeforeCap(value) && flaggedLinks.getOrDefault(value, !rules.flaggedByCap(value)),
				settings.ageOut());
		return new Visible(graph, graph.componentOf(report.id()));
	}

	/** Whether any of these reports holds a value the automatic cap flagged, which may link differently per viewer. */
	public boolean capInPlay(Collection<UUID> reports) {
		return store.indicatorsOf(reports).stream().anyMatch(i -> i.valid() && rules.flaggedByCap(i.key()));
	}

	/** Store reads remembered for one drawing or one round of drawings; never shared across requests. */
	public final class Reads {

		private final Instant filedUpTo;

		private final Map<UUID, List<StoredReport>> networks = new HashMap<>();

		private final Map<UUID, List<StoredIndicator>> indicators = new HashMap<>();

		private final Map<ValueKey, List<StoredReport>> holders = new HashMap<>();

		private final Map<Set<UUID>, Set<Cuts.CutKey>> cutsIn = new HashMap<>();

		private Reads(Instant filedUpTo) {
			this.filedUpTo = filedUpTo;
		}

		List<StoredReport> inNetwork(UUID network) {
			return networks.computeIfAbsent(network, n -> store.inNetwork(n).stream().filter(this::filed).toList());
		}

		List<StoredIndicator> indicatorsIn(UUID network) {
			return indicators.computeIfAbsent(network,
					n -> store.indicatorsOf(inNetwork(n).stream().map(StoredReport::id).toList()));
		}

		List<StoredReport> holding(ValueKey value) {
			return holders.computeIfAbsent(value, v -> store.holding(v).stream().filter(this::filed).toList());
		}

		/** The cuts among the reports of these networks: more than one viewer needs, which does no harm. */
		Set<Cuts.CutKey> cutsIn(Set<UUID> networkIds) {
			return cutsIn.computeIfAbsent(Set.copyOf(networkIds), ids -> cuts.among(ids.stream()
					.flatMap(n -> inNetwork(n).stream()).map(StoredReport::id).toList()));
		}

		private boolean filed(StoredReport report) {
			return filedUpTo == null || !report.createdAt().isAfter(filedUpTo);
		}
	}

	/** One viewer's part of a network: the graph read, and the reports connected to the report through it. */
	public record Visible(LinkGraph graph, Set<UUID> component) {

		/** Named after the oldest report in the component, so the name depends only on what the viewer sees. */
		public UUID networkId() {
			return NetworkViews.publicId(component.stream().min(graph.oldestFirst()).orElseThrow());
		}
	}
}
