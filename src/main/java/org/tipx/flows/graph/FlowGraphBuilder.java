package org.tipx.flows.graph;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Collects transfers in any order and builds the {@link FlowGraph} with edges in time order; transfers with the same
 * time keep the order they were added in, so a loader adds them ordered by transaction and index. Node and transaction
 * numbers are the caller's (dense, from 0).
 */
public final class FlowGraphBuilder {

	private int[] source;

	private int[] target;

	private int[] time;

	private int[] transaction;

	private long[] amount;

	private int size;

	private int nodes;

	private final BitSet transactionNodes = new BitSet();

	public FlowGraphBuilder(int expectedTransfers) {
		int capacity = Math.max(16, expectedTransfers);
		source = new int[capacity];
		target = new int[capacity];
		time = new int[capacity];
		transaction = new int[capacity];
		amount = new long[capacity];
	}

	/** Adds one transfer of {@code amount} base units; returns its position in the order added. */
	public int add(int from, int to, long epochSecond, int tx, long value) {
		if (value < 0) {
			throw new IllegalArgumentException("a transfer moves a positive amount");
		}
		long seconds = epochSecond - FlowGraph.EPOCH;
		if (seconds < 0 || seconds > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("time outside 2000-2068");
		}
		if (size == source.length) {
			int capacity = size + (size >> 1);
			source = Arrays.copyOf(source, capacity);
			target = Arrays.copyOf(target, capacity);
			time = Arrays.copyOf(time, capacity);
			transaction = Arrays.copyOf(transaction, capacity);
			amount = Arrays.copyOf(amount, capacity);
		}
		source[size] = from;
		target[size] = to;
		time[size] = (int) seconds;
		transaction[size] = tx;
		amount[size] = value;
		nodes = Math.max(nodes, Math.max(from, to) + 1);
		return size++;
	}

	/** Marks a node as a Bitcoin transaction (inputs in, outputs out) rather than an address. */
	public void transactionNode(int node) {
		transactionNodes.set(node);
		nodes = Math.max(nodes, node + 1);
	}

	/**
	 * Builds the graph. {@code order}, if given, receives for each added transfer its edge number in the graph.
	 */
	public FlowGraph build(int[] order) {
		long[] keys = new long[size];
		boolean sorted = true;
		for (int i = 0; i < size; i++) {
			keys[i] = ((long) time[i] << 32) | i;
			sorted &= i == 0 || time[i] >= time[i - 1];
		}
		if (!sorted) {
			Arrays.sort(keys);
		}
		int[] s = new int[size];
		int[] t = new int[size];
		int[] tm = new int[size];
		int[] tx = new int[size];
		long[] a = new long[size];
		for (int e = 0; e < size; e++) {
			int i = (int) keys[e];
			s[e] = source[i];
			t[e] = target[i];
			tm[e] = time[i];
			tx[e] = transaction[i];
			a[e] = amount[i];
			if (order != null) {
				order[i] = e;
			}
		}
		source = target = time = transaction = null;
		amount = null;
		return new FlowGraph(nodes, s, t, tm, tx, a, transactionNodes);
	}

	public int size() {
		return size;
	}
}
