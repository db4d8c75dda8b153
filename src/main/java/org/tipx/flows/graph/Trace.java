package org.tipx.flows.graph;

import java.util.List;

import org.tipx.flows.TaintModel;

/**
 * What a trace found: the endpoints (tagged services reached, addresses at the hop limit, and addresses where tainted
 * money still sits at the end of the data) with the tainted amount at each, every node taint passed through, and the
 * tainted part of every transfer followed. {@code partial} says the budget ran out before the trace finished.
 */
public record Trace(TaintModel model, long seeded, List<Endpoint> endpoints, int[] reached, List<Step> steps,
		boolean partial, boolean hopLimitReached) {

	/** Why taint stopped at a node. */
	public enum Stop {
		SERVICE, HOP_LIMIT, HELD
	}

	public record Endpoint(int node, Stop stop, long amount) {
	}

	/** The tainted part of one transfer, in base units. */
	public record Step(int edge, long tainted) {
	}

	public long endpointTotal() {
		return endpoints.stream().mapToLong(Endpoint::amount).sum();
	}
}
