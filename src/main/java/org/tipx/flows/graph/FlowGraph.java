package org.tipx.flows.graph;

import java.util.Arrays;

/**
 * The transfers of one organisation as a compact, immutable graph: edges numbered in time order (time, then
 * transaction, then index within it), stored column-wise in primitive arrays, with each node's incoming and outgoing
 * edges listed in time order (compressed sparse rows). A node is one ledger: an address holding one asset, a bank
 * account in one currency, or a Bitcoin transaction through which its inputs pass to its outputs.
 *
 * <p>
 * Per transfer the graph holds 32 bytes (source, target, time, transaction, amount as a long of base units, and one
 * entry in each of the two row lists) and per node 8 bytes of row offsets plus one bit for its kind.
 */
public final class FlowGraph {

	final int[] source;

	final int[] target;

	/** Seconds since {@link #EPOCH}, so an int lasts until 2068. */
	final int[] time;

	final int[] transaction;

	final long[] amount;

	final int[] outStart;

	final int[] outEdges;

	final int[] inStart;

	final int[] inEdges;

	/** Nodes standing for a whole Bitcoin transaction: passing through one is not a hop. */
	final java.util.BitSet transactionNodes;

	/** 2000-01-01T00:00:00Z. */
	public static final long EPOCH = 946_684_800L;

	FlowGraph(int nodes, int[] source, int[] target, int[] time, int[] transaction, long[] amount,
			java.util.BitSet transactionNodes) {
		this.source = source;
		this.target = target;
		this.time = time;
		this.transaction = transaction;
		this.amount = amount;
		this.transactionNodes = transactionNodes;
		this.outStart = new int[nodes + 1];
		this.inStart = new int[nodes + 1];
		this.outEdges = new int[source.length];
		this.inEdges = new int[source.length];
		rows(source, outStart, outEdges);
		rows(target, inStart, inEdges);
	}

	/** Counting sort by node keeps each row in edge order, that is in time order. */
	private static void rows(int[] endpoint, int[] start, int[] edges) {
		for (int node : endpoint) {
			start[node + 1]++;
		}
		for (int i = 1; i < start.length; i++) {
			start[i] += start[i - 1];
		}
		int[] next = Arrays.copyOf(start, start.length - 1);
		for (int e = 0; e < endpoint.length; e++) {
			edges[next[endpoint[e]]++] = e;
		}
	}

	public int nodes() {
		return outStart.length - 1;
	}

	public int edges() {
		return source.length;
	}

	public int source(int edge) {
		return source[edge];
	}

	public int target(int edge) {
		return target[edge];
	}

	public long amount(int edge) {
		return amount[edge];
	}

	public int transaction(int edge) {
		return transaction[edge];
	}

	/** Unix seconds of the edge. */
	public long epochSecond(int edge) {
		return EPOCH + time[edge];
	}

	public boolean isTransactionNode(int node) {
		return transactionNodes.get(node);
	}

	public int outDegree(int node) {
		return outStart[node + 1] - outStart[node];
	}

	public int inDegree(int node) {
		return inStart[node + 1] - inStart[node];
	}

	/** The bytes the graph's arrays hold, for the benchmark and the capacity check. */
	public long bytes() {
		long perEdge = 4L * source.length * 4 + 8L * amount.length + 4L * outEdges.length + 4L * inEdges.length;
		return perEdge + 4L * (outStart.length + inStart.length) + transactionNodes.size() / 8;
	}
}
