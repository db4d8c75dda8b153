package org.tipx.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;

import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;
import org.tipx.flows.graph.FlowGraph;
import org.tipx.flows.graph.FlowGraphBuilder;
import org.tipx.flows.graph.Seed;
import org.tipx.flows.graph.Trace;
import org.tipx.flows.graph.Tracer;

/**
 * Flow tracing at scale (issue 15 item 6): a synthetic Tron-like graph of N USDT transfers (background payments with
 * heavy-tailed activity, victims paying scam wallets, four layers of fan-out and fan-in, cash-out to exchange deposit
 * addresses that sweep to hot wallets), loaded into the compact graph and into a JGraphT graph in the same run; a
 * 7-hop haircut trace from 100 victim payments over each; time, memory and the ratios printed side by side.
 */
public final class FlowsRun {

	record Transfer(int index, int time, long amount) {
	}

	public static void main(String[] args) {
		int n = Integer.parseInt(args.length > 0 ? args[0] : "10000000");
		int seedsCount = 100;
		SplittableRandom random = new SplittableRandom(15);
		int users = Math.max(1000, n / 8);
		int victims = Math.max(100, n / 200);
		int perLayer = Math.max(50, n / 2000);
		int layers = 4;
		int deposits = Math.max(100, n / 500);
		int hotWallets = 20;
		int victimBase = users;
		int layerBase = victimBase + victims;
		int depositBase = layerBase + layers * perLayer;
		int hotBase = depositBase + deposits;
		int nodes = hotBase + hotWallets;
		int[] from = new int[n];
		int[] to = new int[n];
		long[] amount = new long[n];
		List<Integer> seedCandidates = new ArrayList<>();
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i++) {
			int kind = random.nextInt(100);
			long usdt = 1_000_000L * (1 + (long) Math.abs(random.nextGaussian() * 500));
			if (kind < 55) { // background: heavy-tailed activity
				from[i] = heavy(random, users);
				to[i] = heavy(random, users);
			}
			else if (kind < 62) { // a victim pays a first-layer scam wallet
				from[i] = victimBase + random.nextInt(victims);
				to[i] = layerBase + random.nextInt(perLayer);
				if (i > n / 10 && i < n / 2) {
					seedCandidates.add(i);
				}
			}
			else if (kind < 80) { // layering: fan-out and fan-in between layers
				int layer = random.nextInt(layers - 1);
				from[i] = layerBase + layer * perLayer + random.nextInt(perLayer);
				to[i] = layerBase + (layer + 1) * perLayer + random.nextInt(perLayer);
				usdt /= 2;
			}
			else if (kind < 88) { // cash-out from the last layer to deposit addresses
				from[i] = layerBase + (layers - 1) * perLayer + random.nextInt(perLayer);
				to[i] = depositBase + random.nextInt(deposits);
			}
			else if (kind < 95) { // deposit addresses sweep to hot wallets
				from[i] = depositBase + random.nextInt(deposits);
				to[i] = hotBase + random.nextInt(hotWallets);
			}
			else { // hot wallets pay users out; users also pay scam wallets and mules
				from[i] = random.nextBoolean() ? hotBase + random.nextInt(hotWallets) : heavy(random, users);
				to[i] = random.nextBoolean() ? heavy(random, users) : layerBase + random.nextInt(layers * perLayer);
			}
			amount[i] = usdt;
		}
		long generated = System.nanoTime() - t0;
		BitSet services = new BitSet();
		services.set(depositBase, hotBase + hotWallets);
		List<Seed> seeds = new ArrayList<>();
		for (int s = 0; s < seedsCount; s++) {
			int edge = seedCandidates.get(random.nextInt(seedCandidates.size()));
			seeds.add(new Seed(edge, amount[edge]));
		}
		long start = 1_600_000_000L;

		System.gc();
		long before = used();
		t0 = System.nanoTime();
		FlowGraphBuilder builder = new FlowGraphBuilder(n);
		for (int i = 0; i < n; i++) {
			builder.add(from[i], to[i], start + i / 3, i, amount[i]);
		}
		FlowGraph graph = builder.build(null);
		builder = null;
		long compactLoad = System.nanoTime() - t0;
		System.gc();
		long compactHeap = used() - before;

		Tracer tracer = new Tracer(graph, services, Long.MAX_VALUE);
		Trace trace = null;
		long compactTrace = Long.MAX_VALUE;
		long firstTrace = 0;
		for (int run = 0; run < 5; run++) { // the first run includes compiling the tracer
			t0 = System.nanoTime();
			trace = tracer.trace(seeds, Direction.FORWARD, TaintModel.HAIRCUT, 7);
			long took = System.nanoTime() - t0;
			firstTrace = run == 0 ? took : firstTrace;
			compactTrace = Math.min(compactTrace, took);
		}

		System.gc();
		before = used();
		t0 = System.nanoTime();
		Graph<Integer, Transfer> jgraph = new DirectedPseudograph<>(Transfer.class);
		for (int v = 0; v < nodes; v++) {
			jgraph.addVertex(v);
		}
		for (int i = 0; i < n; i++) {
			jgraph.addEdge(from[i], to[i], new Transfer(i, i / 3, amount[i]));
		}
		long jgraphLoad = System.nanoTime() - t0;
		System.gc();
		long jgraphHeap = used() - before;
		JGraphTHaircut baseline = new JGraphTHaircut(jgraph, services);
		baseline.trace(seeds, 7);
		t0 = System.nanoTime();
		long[] baselineResult = baseline.trace(seeds, 7);
		long jgraphTrace = System.nanoTime() - t0;

		System.out.println("==== flows bench ====");
		System.out.printf("transfers %,d  nodes %,d  generated in %.1f s  heap max %,d MB%n", n, nodes, generated / 1e9,
				Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("compact graph: load %.2f s, arrays %,d B (%.1f B/transfer), heap %,d B (%.1f B/transfer)%n",
				compactLoad / 1e9, graph.bytes(), graph.bytes() / (double) n, compactHeap, compactHeap / (double) n);
		System.out.printf("JGraphT graph: load %.2f s, heap %,d B (%.1f B/transfer)%n", jgraphLoad / 1e9, jgraphHeap,
				jgraphHeap / (double) n);
		System.out.printf("7-hop haircut trace, %d seeds: compact %.1f ms (first run %.1f ms), JGraphT %.1f ms (second run)%n",
				seeds.size(), compactTrace / 1e6, firstTrace / 1e6, jgraphTrace / 1e6);
		System.out.printf("  compact: %,d nodes reached, %,d transfers followed, %d endpoints, seeded %,d, at endpoints %,d%n",
				trace.reached().length, trace.steps().size(), trace.endpoints().size(), trace.seeded(),
				trace.endpointTotal());
		System.out.printf("  JGraphT: %,d nodes reached, at endpoints %,d (same result: %s)%n", baselineResult[0],
				baselineResult[1], baselineResult[1] == trace.endpointTotal() && baselineResult[0] == trace.reached().length);
		System.out.printf("ratios (JGraphT / compact): time %.1fx, memory %.1fx%n", jgraphTrace / (double) compactTrace,
				jgraphHeap / (double) compactHeap);
		System.out.println("=====================");
	}

	private static int heavy(SplittableRandom random, int size) {
		double u = random.nextDouble();
		return (int) (size * u * u * u);
	}

	private static long used() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	/**
	 * The same haircut trace (same event order, same rounding) over JGraphT's adjacency sets: what a general-purpose
	 * object graph costs. Returns {nodes reached, tainted amount at endpoints}.
	 */
	static final class JGraphTHaircut {

		private final Graph<Integer, Transfer> graph;

		private final BitSet services;

		JGraphTHaircut(Graph<Integer, Transfer> graph, BitSet services) {
			this.graph = graph;
			this.services = services;
		}

		long[] trace(List<Seed> seeds, int maxHops) {
			Map<Integer, long[]> ledgers = new HashMap<>(); // balance, tainted, hop, stop, credit cursor, debit cursor
			Map<Integer, Long> taint = new HashMap<>();
			Map<Integer, Integer> hops = new HashMap<>();
			Map<Integer, Transfer> byIndex = new HashMap<>();
			PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
					: a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
			for (Seed seed : seeds) {
				taint.merge(seed.edge(), seed.amount(), Long::sum);
				hops.put(seed.edge(), 1);
			}
			for (Transfer e : graph.edgeSet()) {
				if (taint.containsKey(e.index())) {
					byIndex.put(e.index(), e);
					taint.put(e.index(), Math.min(taint.get(e.index()), e.amount()));
					queue.add(new long[] { e.index(), 1, graph.getEdgeTarget(e) });
				}
			}
			while (!queue.isEmpty()) {
				long[] event = queue.poll();
				int node = (int) event[2];
				long[] l = ledgers.computeIfAbsent(node, k -> new long[] { 0, 0, Integer.MAX_VALUE,
						services.get(k) ? 1 : 0, 0, 0, -1 });
				List<Transfer> credits = new ArrayList<>(graph.incomingEdgesOf(node));
				List<Transfer> debits = new ArrayList<>(graph.outgoingEdgesOf(node));
				credits.sort((a, b) -> Integer.compare(a.index(), b.index()));
				debits.sort((a, b) -> Integer.compare(a.index(), b.index()));
				while (true) {
					long c = l[4] < credits.size() ? credits.get((int) l[4]).index() : Long.MAX_VALUE;
					long d = l[3] == 0 && l[5] < debits.size() ? debits.get((int) l[5]).index() : Long.MAX_VALUE;
					if (d <= c && d <= event[0]) {
						Transfer e = debits.get((int) l[5]++);
						long x;
						if (e.amount() >= l[0]) {
							x = l[1];
							l[0] = 0;
							l[1] = 0;
						}
						else {
							x = l[1] == 0 ? 0 : java.math.BigInteger.valueOf(e.amount())
									.multiply(java.math.BigInteger.valueOf(l[1])).divide(java.math.BigInteger.valueOf(l[0]))
									.longValue();
							l[0] -= e.amount();
							l[1] -= x;
						}
						if (x > 0) {
							taint.put(e.index(), x);
							hops.put(e.index(), (int) l[2] + 1);
							queue.add(new long[] { e.index(), 1, graph.getEdgeTarget(e) });
						}
					}
					else if (c <= event[0]) {
						Transfer e = credits.get((int) l[4]++);
						long x = taint.getOrDefault(e.index(), 0L);
						l[0] += e.amount();
						l[1] += x;
						if (x > 0) {
							int hop = hops.get(e.index());
							if (l[2] == Integer.MAX_VALUE && l[3] == 0 && hop >= maxHops) {
								l[3] = 2;
							}
							l[2] = Math.min(l[2], hop);
						}
					}
					else {
						break;
					}
				}
				if (l[3] == 0 && l[1] > 0 && l[5] < debits.size() && l[6] != debits.get((int) l[5]).index()) {
					l[6] = debits.get((int) l[5]).index();
					queue.add(new long[] { l[6], 0, node });
				}
			}
			long total = 0;
			for (long[] l : ledgers.values()) {
				total += l[1];
			}
			return new long[] { ledgers.size(), total };
		}
	}
}
