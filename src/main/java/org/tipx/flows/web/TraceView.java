package org.tipx.flows.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * A trace answer as the trace page shows it: the endpoints for the table, whether the hop limit or the budget cut the
 * trace short, and the drawing's elements for Cytoscape.js. The drawing joins the transfers followed between two
 * addresses into one edge carrying the tainted amount; it holds at most {@link #DRAWN} edges.
 *
 * @param endpoints       where the tainted money stopped, and why
 * @param partial         the budget ran out before the trace finished
 * @param hopLimitReached taint was still moving at the hop limit
 * @param elements        the drawing, as JSON safe to place inside a {@code <script type="application/json">}
 * @param cut             the drawing leaves out edges beyond {@link #DRAWN}
 */
record TraceView(List<Endpoint> endpoints, boolean partial, boolean hopLimitReached, String elements, boolean cut) {

	static final int DRAWN = 400;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** An endpoint of the trace. */
	record Endpoint(String address, String chain, String asset, String tag, String name, String stop, String amount) {
	}

	@SuppressWarnings("unchecked")
	static TraceView of(Map<String, Object> answer, List<String> seedTransactions) {
		List<Endpoint> endpoints = new ArrayList<>();
		Map<String, Endpoint> byAddress = new LinkedHashMap<>();
		for (Map<String, Object> e : (List<Map<String, Object>>) answer.get("endpoints")) {
			Endpoint endpoint = new Endpoint(text(e.get("address")), text(e.get("chain")), text(e.get("asset")),
					text(e.get("tag")), text(e.get("name")), text(e.get("stop")), text(e.get("amount")));
			endpoints.add(endpoint);
			byAddress.put(endpoint.address(), endpoint);
		}
		Map<String, BigDecimal> edges = new LinkedHashMap<>();
		Map<String, String> assets = new LinkedHashMap<>();
		Set<String> seeds = new LinkedHashSet<>();
		boolean cut = false;
		for (Map<String, Object> step : (List<Map<String, Object>>) answer.get("paths")) {
			String key = step.get("from") + "\n" + step.get("to");
			if (!edges.containsKey(key) && edges.size() == DRAWN) {
				cut = true;
				continue;
			}
			edges.merge(key, new BigDecimal(text(step.get("tainted"))), BigDecimal::add);
			assets.putIfAbsent(key, text(step.get("asset")));
			if (seedTransactions.contains(text(step.get("tx")))) {
				seeds.add(text(step.get("from")));
			}
		}
		Map<String, String> nodeIds = new LinkedHashMap<>();
		List<Map<String, Object>> elements = new ArrayList<>();
		List<Map<String, Object>> edgeElements = new ArrayList<>();
		int n = 0;
		for (Map.Entry<String, BigDecimal> edge : edges.entrySet()) {
			String[] ends = edge.getKey().split("\n", 2);
			for (String address : ends) {
				if (!nodeIds.containsKey(address)) {
					nodeIds.put(address, "n" + nodeIds.size());
					elements.add(node(nodeIds.get(address), address, byAddress.get(address), seeds.contains(address)));
				}
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("id", "e" + n++);
			data.put("source", nodeIds.get(ends[0]));
			data.put("target", nodeIds.get(ends[1]));
			data.put("label", edge.getValue().stripTrailingZeros().toPlainString() + " " + assets.get(edge.getKey()));
			edgeElements.add(Map.of("group", "edges", "data", data));
		}
		elements.addAll(edgeElements);
		return new TraceView(endpoints, Boolean.TRUE.equals(answer.get("partial")),
				Boolean.TRUE.equals(answer.get("hopLimitReached")), scriptSafe(JSON.writeValueAsString(elements)), cut);
	}

	private static Map<String, Object> node(String id, String address, Endpoint endpoint, boolean seed) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", id);
		data.put("address", address);
		String label = shortened(address);
		if (endpoint != null && endpoint.tag() != null) {
			label = label + "\n" + (endpoint.name() != null ? endpoint.name() : endpoint.tag());
			data.put("tag", endpoint.tag());
		}
		data.put("label", label);
		data.put("kind", endpoint == null ? (seed ? "seed" : "passed") : "SERVICE".equals(endpoint.stop()) ? "service"
				: "endpoint");
		return Map.of("group", "nodes", "data", data);
	}

	/** Long addresses shortened to their first and last characters, as block explorers show them. */
	static String shortened(String address) {
		return address.length() <= 14 ? address : address.substring(0, 6) + "…" + address.substring(address.length() - 4);
	}

	/**
	 * JSON that cannot end the script element it sits in nor open markup: {@code <}, {@code >} and {@code &} appear
	 * only inside JSON strings, where their escapes mean the same characters.
	 */
	static String scriptSafe(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}
