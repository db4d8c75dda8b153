package org.tipx.flows.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongHeapPriorityQueue;

import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;

/**
 * Follows taint through a {@link FlowGraph} under one model, in one direction, up to a number of hops, stopping at
 * service nodes (exchanges, OTC desks) and after a budget of ledger entries.
 *
 * <p>
 * Events are processed in the direction's time order across the whole graph, so a node's ledger is replayed once,
 * from its first entry, only when taint first reaches it: its clean history before then sets the balance that haircut
 * divides by and the lots FIFO and LIFO draw from. Backward traces replay the same ledgers with time reversed and
 * credits and debits swapped: what a cash-out could have been paid from.
 */
public final class Tracer {

	private final FlowGraph graph;

	private final BitSet services;

	private final long budget;

	public Tracer(FlowGraph graph, BitSet services, long budget) {
		this.graph = graph;
		this.services = services;
		this.budget = budget;
	}

	public Trace trace(List<Seed> seeds, Direction direction, TaintModel model, int maxHops) {
		return new Run(direction, model, maxHops).run(seeds);
	}

	private final class Run {

		private final boolean forward;

		private final TaintModel model;

		private final int maxHops;

		private final int edges = graph.edges();

		/**
		 * Each reached node's ledger, by node, and the nodes in the order they were reached. Dense arrays rather than
		 * hash maps: a trace replays about a million ledger entries at ten million transfers, and a hash probe per
		 * entry was a quarter of its time (docs/benchmarks.md); the arrays cost 12 bytes per transfer for the trace.
		 */
		private final Ledger[] ledgers = new Ledger[graph.nodes()];

		private final IntArrayList reachedNodes = new IntArrayList();

		/** Tainted part of each transfer followed, by edge, and the hop it was at. */
		private final long[] taint = new long[edges];

		private final int[] hops = new int[edges];

		/** The transfers followed (taint passed on them), in the order they were. */
		private final IntArrayList followed = new IntArrayList();

		private final BitSet followedEdges = new BitSet();

		/** The seed edges, so that the debit of every other transfer skips a hash look-up. */
		private final BitSet seedEdges = new BitSet();

		private final LongHeapPriorityQueue queue = new LongHeapPriorityQueue();

		private long spent;

		private long seeded;

		/** Seed taint by edge: new taint put into the graph. */
		private final Int2LongOpenHashMap injected = new Int2LongOpenHashMap();

		private static final int DEBIT = 0;

		private static final int CREDIT = 1;

		private boolean hopLimitReached;

		Run(Direction direction, TaintModel model, int maxHops) {
			this.forward = direction == Direction.FORWARD;
			this.model = model;
			this.maxHops = maxHops;
		}

		Trace run(List<Seed> seeds) {
			for (Seed seed : seeds) {
				injected.addTo(seed.edge(), seed.amount());
				seedEdges.set(seed.edge());
			}
			for (var entry : injected.int2LongEntrySet()) {
				int edge = entry.getIntKey();
				long amount = Math.min(entry.getLongValue(), graph.amount[edge]);
				entry.setValue(amount);
				follow(edge, amount, 1);
				seeded += amount;
				schedule(key(edge), receiver(edge), CREDIT);
			}
			boolean partial = false;
			while (!queue.isEmpty()) {
				if (spent > budget) {
					partial = true;
					break;
				}
				long event = queue.dequeueLong();
				advance((int) event, (int) (event >>> 33));
			}
			return result(partial);
		}

		/** At the same moment the sender's debit goes before the receiver's credit, which reads its taint. */
		private void schedule(int key, int node, int kind) {
			queue.enqueue(((long) key << 33) | ((long) kind << 32) | node);
		}

		private int key(int edge) {
			return forward ? edge : edges - 1 - edge;
		}

		private int receiver(int edge) {
			return forward ? graph.target[edge] : graph.source[edge];
		}

		/** Credits are what adds to a node's balance in the direction of the trace. */
		private int credits(int node) {
			return forward ? graph.inDegree(node) : graph.outDegree(node);
		}

		private int debits(int node) {
			return forward ? graph.outDegree(node) : graph.inDegree(node);
		}

		private int creditEdge(int node, int i) {
			return forward ? graph.inEdges[graph.inStart[node] + i] : graph.outEdges[graph.outStart[node + 1] - 1 - i];
		}

		private int debitEdge(int node, int i) {
			return forward ? graph.outEdges[graph.outStart[node] + i] : graph.inEdges[graph.inStart[node + 1] - 1 - i];
		}

		/** Replays the node's ledger up to and including the entry at {@code until}. */
		private void advance(int node, int until) {
			Ledger ledger = ledgers[node];
			if (ledger == null) {
				ledger = new Ledger(model);
				if (services.get(node)) {
					ledger.stop = Ledger.SERVICE;
				}
				ledgers[node] = ledger;
				reachedNodes.add(node);
			}
			int credits = credits(node);
			int debits = debits(node);
			while (true) {
				int c = ledger.credit < credits ? key(creditEdge(node, ledger.credit)) : Integer.MAX_VALUE;
				int d = ledger.stop == 0 && ledger.debit < debits ? key(debitEdge(node, ledger.debit)) : Integer.MAX_VALUE;
				// A transfer to oneself leaves before it arrives.
				if (d <= c && d <= until) {
					debit(node, ledger, debitEdge(node, ledger.debit++));
				}
				else if (c <= until) {
					credit(node, ledger, creditEdge(node, ledger.credit++));
				}
				else {
					break;
				}
				spent++;
			}
			if (ledger.stop == 0 && ledger.tainted > 0 && ledger.debit < debits) {
				int next = key(debitEdge(node, ledger.debit));
				// Once per debit: a node receiving many tainted credits before it pays out is woken once.
				if (ledger.pending != next) {
					ledger.pending = next;
					schedule(next, node, DEBIT);
				}
			}
		}

		private void credit(int node, Ledger ledger, int edge) {
			long t = taint[edge];
			ledger.credit(graph.amount[edge], t);
			if (t > 0 && ledger.hop == Integer.MAX_VALUE) {
				ledger.hop = hops[edge];
				if (ledger.stop == 0 && ledger.hop >= maxHops && !graph.isTransactionNode(node)) {
					ledger.stop = Ledger.HOP_LIMIT;
					hopLimitReached |= hasDebitsAfter(node, ledger);
				}
			}
			else if (t > 0) {
				ledger.hop = Math.min(ledger.hop, hops[edge]);
			}
		}

		private boolean hasDebitsAfter(int node, Ledger ledger) {
			return ledger.debit < debits(node);
		}

		private void debit(int node, Ledger ledger, int edge) {
			long t = ledger.debit(graph.amount[edge], model);
			if (seedEdges.get(edge)) {
				// A seed downstream of another: only the part not already tainted is new taint.
				long fresh = Math.min(injected.get(edge), graph.amount[edge] - t);
				seeded -= injected.get(edge) - fresh;
				t += fresh;
			}
			if (t > 0) {
				follow(edge, t, graph.isTransactionNode(node) ? ledger.hop : ledger.hop + 1);
				schedule(key(edge), receiver(edge), CREDIT);
			}
		}

		/** Records the taint passed on a transfer; each transfer is followed once (a seed, or its sender's debit). */
		private void follow(int edge, long amount, int hop) {
			if (!followedEdges.get(edge)) {
				followedEdges.set(edge);
				followed.add(edge);
			}
			taint[edge] = amount;
			hops[edge] = hop;
		}

		private Trace result(boolean partial) {
			if (model == TaintModel.POISON && !partial) {
				// Poisoned nodes' remaining entries are clean credits: replay them for the balance held at the end.
				for (int node : reachedNodes.toIntArray()) {
					advance(node, Integer.MAX_VALUE - 1);
				}
			}
			List<Trace.Endpoint> endpoints = new ArrayList<>();
			int[] reached = reachedNodes.toIntArray();
			java.util.Arrays.sort(reached);
			for (int node : reached) {
				Ledger ledger = ledgers[node];
				if (ledger.stop == Ledger.SERVICE && ledger.tainted > 0) {
					endpoints.add(new Trace.Endpoint(node, Trace.Stop.SERVICE, ledger.tainted));
				}
				else if (ledger.stop == Ledger.HOP_LIMIT && ledger.tainted > 0) {
					endpoints.add(new Trace.Endpoint(node, Trace.Stop.HOP_LIMIT, ledger.tainted));
				}
				else if (ledger.tainted > 0) {
					long held = model == TaintModel.POISON ? ledger.balance : ledger.tainted;
					if (held > 0) {
						endpoints.add(new Trace.Endpoint(node, Trace.Stop.HELD, held));
					}
				}
			}
			int[] edgesFollowed = followed.toIntArray();
			java.util.Arrays.sort(edgesFollowed);
			List<Trace.Step> steps = new ArrayList<>(edgesFollowed.length);
			for (int edge : edgesFollowed) {
				steps.add(new Trace.Step(edge, taint[edge]));
			}
			return new Trace(model, seeded, List.copyOf(endpoints), reached, steps, partial,
					hopLimitReached);
		}
	}
}
