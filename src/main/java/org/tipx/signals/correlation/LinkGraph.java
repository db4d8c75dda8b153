package org.tipx.signals.correlation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;

/**
 * The links among a set of reports: two reports link when they hold the same linkable value, unless an analyst cut
 * that link, or the value is a phone or handle observed further apart than the age-out. Connected reports form a
 * network. Built for one network (or one caller's visible part of it) at a time.
 */
public final class LinkGraph {

	private final Map<UUID, StoredReport> reports;

	private final Map<UUID, UUID> parent = new HashMap<>();

	private final Map<ValueKey, Set<UUID>> linkedBy = new LinkedHashMap<>();

	LinkGraph(Map<UUID, StoredReport> reports, List<StoredIndicator> indicators, Set<Cuts.CutKey> cuts,
			Predicate<ValueKey> linkable, Duration ageOut) {
		this.reports = reports;
		reports.keySet().forEach(id -> parent.put(id, id));
		Map<ValueKey, Set<UUID>> holders = new LinkedHashMap<>();
		for (StoredIndicator indicator : indicators) {
			if (indicator.valid() && !indicator.type().weak() && reports.containsKey(indicator.reportId())) {
				holders.computeIfAbsent(indicator.key(), k -> new TreeSet<>()).add(indicator.reportId());
			}
		}
		holders.forEach((value, holding) -> {
			if (holding.size() > 1 && linkable.test(value)) {
				link(value, new ArrayList<>(holding), cuts, ageOut);
			}
		});
	}

	private void link(ValueKey value, List<UUID> holding, Set<Cuts.CutKey> cuts, Duration ageOut) {
		boolean ages = LinkRules.agesOut(value);
		boolean anyCut = cuts.stream().anyMatch(c -> c.type().equals(value.type().wire())
				&& c.canonical().equals(value.canonical()));
		Set<UUID> linked = new LinkedHashSet<>();
		if (!ages && !anyCut) {
			// Everyone holding the value links to everyone else: a star is enough.
			holding.forEach(id -> union(holding.get(0), id));
			linked.addAll(holding);
		}
		else {
			for (int i = 0; i < holding.size(); i++) {
				for (int j = i + 1; j < holding.size(); j++) {
					UUID a = holding.get(i);
					UUID b = holding.get(j);
					if (anyCut && cuts.contains(new Cuts.CutKey(value.type().wire(), value.canonical(), Cuts.Pair.of(a, b)))) {
						continue;
					}
					if (ages && !LinkRules.withinAgeOut(reports.get(a).observedAt(), reports.get(b).observedAt(),
							ageOut)) {
						continue;
					}
					union(a, b);
					linked.add(a);
					linked.add(b);
				}
			}
		}
		if (!linked.isEmpty()) {
			linkedBy.put(value, linked);
		}
	}

	/** The connected groups of reports, each sorted oldest report first. */
	List<List<UUID>> components() {
		Map<UUID, List<UUID>> groups = new LinkedHashMap<>();
		for (UUID id : reports.keySet()) {
			groups.computeIfAbsent(find(id), k -> new ArrayList<>()).add(id);
		}
		List<List<UUID>> result = new ArrayList<>();
		for (List<UUID> group : groups.values()) {
			group.sort(oldestFirst());
			result.add(group);
		}
		return result;
	}

	/**
	 * The reports linked with this one, itself included; empty when the graph does not hold it (it was retracted,
	 * expired or cut away between the event that asks and the read that built the graph).
	 */
	public Set<UUID> componentOf(UUID report) {
		if (!reports.containsKey(report)) {
			return Set.of();
		}
		UUID root = find(report);
		Set<UUID> component = new TreeSet<>();
		reports.keySet().stream().filter(id -> find(id).equals(root)).forEach(component::add);
		return component;
	}

	/** The values linking reports inside a component, each with the reports it links there. */
	public Map<ValueKey, Set<UUID>> linksWithin(Set<UUID> component) {
		Map<ValueKey, Set<UUID>> links = new LinkedHashMap<>();
		linkedBy.forEach((value, linked) -> {
			Set<UUID> inside = new TreeSet<>(linked);
			inside.retainAll(component);
			if (inside.size() > 1) {
				links.put(value, inside);
			}
		});
		return links;
	}

	/** One of the reports the graph was built from. */
	public StoredReport report(UUID id) {
		return reports.get(id);
	}

	public Comparator<UUID> oldestFirst() {
		return Comparator.comparing((UUID id) -> reports.get(id).createdAt()).thenComparing(UUID::toString);
	}

	private UUID find(UUID id) {
		UUID root = id;
		while (!parent.get(root).equals(root)) {
			root = parent.get(root);
		}
		UUID node = id;
		while (!node.equals(root)) {
			UUID next = parent.get(node);
			parent.put(node, root);
			node = next;
		}
		return root;
	}

	private void union(UUID a, UUID b) {
		UUID rootA = find(a);
		UUID rootB = find(b);
		if (!rootA.equals(rootB)) {
			parent.put(rootB, rootA);
		}
	}
}
