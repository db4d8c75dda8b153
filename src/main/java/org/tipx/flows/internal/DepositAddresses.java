package org.tipx.flows.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.tipx.flows.graph.FlowGraph;

/**
 * The exchange deposit-address heuristic (ADR 0028): an address that sweeps to an address tagged exchange is that
 * exchange's deposit address. It sweeps when the transfers it sends to the exchange, each within {@link #WINDOW_SECONDS}
 * of the last money it received before it, add up to at least 90% of all it ever received in the data. The sweeps are
 * the evidence. Bitcoin transaction nodes are not addresses and are left out.
 */
final class DepositAddresses {

	/** 72 hours: exchanges sweep deposit addresses within hours; three days allows for batching and holidays. */
	static final long WINDOW_SECONDS = 72 * 3600;

	/** The share of what it received an address must forward to one exchange, in tenths. */
	static final int SHARE_TENTHS = 9;

	private DepositAddresses() {
	}

	/** A deposit address of the exchange whose hot wallet {@code exchangeNode} is, with the sweeps that show it. */
	record Deposit(int node, int exchangeNode, String exchangeName, List<Integer> sweeps) {
	}

	/**
	 * @param exchange for a node, the exchange's name if the node is tagged exchange (a hot wallet), else null
	 * @param tagged   whether a node already carries a service tag (then it is not re-tagged)
	 */
	static Map<Integer, Deposit> find(FlowGraph graph, IntFunction<String> exchange, java.util.function.IntPredicate tagged) {
		int nodes = graph.nodes();
		long[] received = new long[nodes];
		long[] lastReceived = new long[nodes];
		java.util.Arrays.fill(lastReceived, Long.MIN_VALUE);
		Map<Integer, Map<String, List<Integer>>> sweeps = new HashMap<>();
		Map<Integer, Map<String, Long>> swept = new HashMap<>();
		for (int e = 0; e < graph.edges(); e++) { // edges are numbered in time order
			int from = graph.source(e);
			int to = graph.target(e);
			long at = graph.epochSecond(e);
			String name = exchange.apply(to);
			if (name != null && !graph.isTransactionNode(from) && !tagged.test(from)
					&& lastReceived[from] != Long.MIN_VALUE && at - lastReceived[from] <= WINDOW_SECONDS) {
				sweeps.computeIfAbsent(from, k -> new HashMap<>()).computeIfAbsent(name, k -> new ArrayList<>()).add(e);
				swept.computeIfAbsent(from, k -> new HashMap<>()).merge(name, graph.amount(e), DepositAddresses::add);
			}
			received[to] = add(received[to], graph.amount(e));
			lastReceived[to] = at;
		}
		Map<Integer, Deposit> deposits = new HashMap<>();
		swept.forEach((node, byExchange) -> byExchange.forEach((name, amount) -> {
			// amount >= 90% of received, exactly: 10 * amount >= 9 * received
			boolean sweeps90 = received[node] > 0 && BigInteger.valueOf(amount).multiply(BigInteger.TEN)
					.compareTo(BigInteger.valueOf(received[node]).multiply(BigInteger.valueOf(SHARE_TENTHS))) >= 0;
			Deposit known = deposits.get(node);
			if (sweeps90 && (known == null || sum(graph, known.sweeps()) < amount)) {
				List<Integer> edges = sweeps.get(node).get(name);
				deposits.put(node, new Deposit(node, graph.target(edges.get(0)), name, List.copyOf(edges)));
			}
		}));
		return deposits;
	}

	private static long sum(FlowGraph graph, List<Integer> edges) {
		long total = 0;
		for (int e : edges) {
			total = add(total, graph.amount(e));
		}
		return total;
	}

	/** Saturating: a sum past Long.MAX_VALUE base units stays there rather than turning negative. */
	private static long add(long a, long b) {
		long sum = a + b;
		return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
	}
}
