package org.tipx.flows.graph;

import java.util.Arrays;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Multi-input clustering of Bitcoin addresses: the addresses a transaction spends from together are taken to be held
 * by one owner (Meiklejohn et al., “A Fistful of Bitcoins”, IMC 2013), joined with union-find over every
 * {@linkplain FlowGraph#isTransactionNode transaction node}. A CoinJoin joins strangers' inputs on purpose, so a
 * transaction that looks like one is skipped: at least {@value #COINJOIN_MIN} inputs and at least
 * {@value #COINJOIN_MIN} outputs of one equal value (the equal-output shape BlockSci's {@code isCoinjoin} heuristic
 * looks for, Kalodner et al., USENIX Security 2020, reduced to its core).
 */
public final class AddressClusters {

	/** Inputs and equal-value outputs from which a transaction counts as a CoinJoin. */
	public static final int COINJOIN_MIN = 3;

	private final int[] parent;

	private int coinJoins;

	private AddressClusters(int nodes) {
		parent = new int[nodes];
		Arrays.setAll(parent, i -> i);
	}

	/** The clusters of the graph's address nodes; a node no transaction joined is a cluster of its own. */
	public static AddressClusters of(FlowGraph graph) {
		AddressClusters clusters = new AddressClusters(graph.nodes());
		for (int tx = graph.transactionNodes.nextSetBit(0); tx >= 0; tx = graph.transactionNodes.nextSetBit(tx + 1)) {
			int inputs = graph.inDegree(tx);
			if (inputs < 2) {
				continue;
			}
			if (looksLikeCoinJoin(graph, tx)) {
				clusters.coinJoins++;
				continue;
			}
			int first = graph.source[graph.inEdges[graph.inStart[tx]]];
			for (int i = 1; i < inputs; i++) {
				clusters.union(first, graph.source[graph.inEdges[graph.inStart[tx] + i]]);
			}
		}
		return clusters;
	}

	/** At least {@value #COINJOIN_MIN} inputs and {@value #COINJOIN_MIN} outputs of one value. */
	static boolean looksLikeCoinJoin(FlowGraph graph, int tx) {
		if (graph.inDegree(tx) < COINJOIN_MIN || graph.outDegree(tx) < COINJOIN_MIN) {
			return false;
		}
		Long2IntOpenHashMap counts = new Long2IntOpenHashMap();
		for (int i = graph.outStart[tx]; i < graph.outStart[tx + 1]; i++) {
			if (counts.addTo(graph.amount[graph.outEdges[i]], 1) + 1 >= COINJOIN_MIN) {
				return true;
			}
		}
		return false;
	}

	/** The representative node of the node's cluster. */
	public int cluster(int node) {
		int root = node;
		while (parent[root] != root) {
			root = parent[root];
		}
		while (parent[node] != root) {
			int next = parent[node];
			parent[node] = root;
			node = next;
		}
		return root;
	}

	/** Transactions skipped as CoinJoin-like. */
	public int coinJoinsSkipped() {
		return coinJoins;
	}

	private void union(int a, int b) {
		int ra = cluster(a);
		int rb = cluster(b);
		if (ra != rb) {
			// the smaller number becomes the root, so the representative does not depend on the order of joins
			parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
	}
}
