package org.tipx.signals.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.tipx.shared.Countries;
import org.tipx.signals.reading.NetworkView;
import org.tipx.signals.reading.ReportView;

/**
 * A report's network as the report page draws it: one node per visible report, one edge per pair of reports that
 * share values, carrying each shared value with its evidence. Built only from what {@code NetworkViews} and
 * {@code ReportReading} let the viewer see, so a hidden report is neither a node nor the far end of an edge.
 *
 * @param nodes       the visible reports of the network, the report itself first
 * @param edges       the links between them
 * @param suggestions weak matches with visible reports outside the network, never links
 */
record NetworkDrawing(List<Node> nodes, List<Edge> edges, List<Suggestion> suggestions) {

	static NetworkDrawing of(UUID focus, NetworkView network, Map<UUID, ReportView> visible) {
		List<Node> nodes = new ArrayList<>();
		ReportView own = visible.get(focus);
		if (own != null) {
			nodes.add(Node.of(own, true));
		}
		for (UUID id : network.reports()) {
			ReportView report = visible.get(id);
			if (report != null && !id.equals(focus)) {
				nodes.add(Node.of(report, false));
			}
		}
		Map<String, List<Evidence>> byPair = new LinkedHashMap<>();
		Map<String, UUID[]> ends = new LinkedHashMap<>();
		for (NetworkView.Link link : network.links()) {
			List<UUID> holders = link.reports().stream().filter(visible::containsKey).toList();
			for (int i = 0; i < holders.size(); i++) {
				for (int j = i + 1; j < holders.size(); j++) {
					ReportView a = visible.get(holders.get(i));
					ReportView b = visible.get(holders.get(j));
					String pair = pairKey(a.id(), b.id());
					ends.putIfAbsent(pair, new UUID[] { a.id(), b.id() });
					Instant linkedAt = a.createdAt().isAfter(b.createdAt()) ? a.createdAt() : b.createdAt();
					byPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(new Evidence(link.type(), link.canonical(),
							holding(a, link), holding(b, link), linkedAt));
				}
			}
		}
		List<Edge> edges = new ArrayList<>();
		byPair.forEach((pair, evidence) -> {
			UUID[] pairEnds = ends.get(pair);
			edges.add(new Edge(pair, pairEnds[0], pairEnds[1], visible.get(pairEnds[0]).title(),
					visible.get(pairEnds[1]).title(), List.copyOf(evidence)));
		});
		List<Suggestion> suggestions = new ArrayList<>();
		for (NetworkView.Link weak : network.suggestions()) {
			List<Node> others = weak.reports().stream().filter(visible::containsKey)
					.map(id -> Node.of(visible.get(id), false)).toList();
			if (!others.isEmpty()) {
				suggestions.add(new Suggestion(weak.type(), weak.canonical(), others));
			}
		}
		return new NetworkDrawing(List.copyOf(nodes), List.copyOf(edges), List.copyOf(suggestions));
	}

	/**
	 * The elements Cytoscape.js draws, in words of the page's language: each node labelled with its title, category
	 * and country, coloured by its TLP; each edge carrying the values that link its two reports, shown when the edge
	 * is pointed at or selected.
	 */
	List<Map<String, Object>> elements(MessageSource messages, Locale locale) {
		List<Map<String, Object>> elements = new ArrayList<>();
		for (Node node : nodes) {
			String category = messages.getMessage("signals.report.category." + node.category(), null, node.category(),
					locale);
			elements.add(Map.of("group", "nodes", "data", Map.of("id", node.id().toString(), "label",
					node.title() + "\n" + category + " · " + Countries.name(node.country(), locale), "focus",
					node.focus(), "tlp", node.tlp())));
		}
		for (Edge edge : edges) {
			String label = String.join("\n", edge.evidence().stream().map(e -> messages.getMessage(
					"signals.report.indicator.type." + e.type(), null, e.type(), locale) + " " + e.canonical()).toList());
			elements.add(Map.of("group", "edges", "data", Map.of("id", edge.id(), "source", edge.source().toString(),
					"target", edge.target().toString(), "label", label)));
		}
		return elements;
	}

	/** The values an indicator of {@code report} gives to the link: its own value, or the one it implies. */
	private static List<String> holding(ReportView report, NetworkView.Link link) {
		List<String> values = new ArrayList<>();
		for (ReportView.IndicatorView indicator : report.indicators()) {
			if (!indicator.valid()) {
				continue;
			}
			if (indicator.type().equals(link.type()) && link.canonical().equals(indicator.canonical())) {
				values.add(indicator.value());
			}
			else if (indicator.derived().stream()
					.anyMatch(d -> d.type().equals(link.type()) && link.canonical().equals(d.canonical()))) {
				values.add(indicator.value() + " (" + indicator.type() + ")");
			}
		}
		return values;
	}

	private static String pairKey(UUID a, UUID b) {
		return a.compareTo(b) < 0 ? a + "~" + b : b + "~" + a;
	}

	/** A visible report. */
	record Node(UUID id, String title, String category, String country, String tlp, boolean focus) {

		static Node of(ReportView report, boolean focus) {
			return new Node(report.id(), report.title(), report.category(), report.reporterCountry(), report.tlp(),
					focus);
		}
	}

	/** Two reports linked by one or more values. */
	record Edge(String id, UUID source, UUID target, String sourceTitle, String targetTitle, List<Evidence> evidence) {
	}

	/**
	 * One value linking two reports: which of their indicators hold it (as each reporter typed it), and when the link
	 * formed, which is when the later of the two was filed.
	 */
	record Evidence(String type, String canonical, List<String> sourceIndicators, List<String> targetIndicators,
			Instant linkedAt) {
	}

	/** A weak match (a shared name or alias) with reports outside the network. */
	record Suggestion(String type, String canonical, List<Node> reports) {
	}
}
