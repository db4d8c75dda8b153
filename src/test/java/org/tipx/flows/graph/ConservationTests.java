package org.tipx.flows.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;

/** Property: under haircut, FIFO and LIFO the tainted amounts at all endpoints add up to the seed, on random graphs. */
class ConservationTests {

	@Test
	void taintIsNeitherCreatedNorLostOnRandomGraphs() {
		for (int round = 0; round < 400; round++) {
			SplittableRandom random = new SplittableRandom(round);
			int nodes = 2 + random.nextInt(40);
			int transfers = 1 + random.nextInt(300);
			FlowGraphBuilder b = new FlowGraphBuilder(transfers);
			for (int i = 0; i < transfers; i++) {
				long amount = 1 + (random.nextInt(10) == 0 ? random.nextLong(1L << 50) : random.nextInt(1_000_000));
				b.add(random.nextInt(nodes), random.nextInt(nodes), 1_700_000_000L + random.nextInt(1000), i, amount);
			}
			if (random.nextBoolean()) {
				b.transactionNode(random.nextInt(nodes));
			}
			FlowGraph graph = b.build(null);
			BitSet services = new BitSet();
			for (int s = random.nextInt(4); s > 0; s--) {
				services.set(random.nextInt(nodes));
			}
			List<Seed> seeds = new ArrayList<>();
			for (int s = 1 + random.nextInt(5); s > 0; s--) {
				int edge = random.nextInt(transfers);
				seeds.add(new Seed(edge, 1 + random.nextLong(graph.amount(edge))));
			}
			int maxHops = 1 + random.nextInt(8);
			for (Direction direction : Direction.values()) {
				for (TaintModel model : List.of(TaintModel.HAIRCUT, TaintModel.FIFO, TaintModel.LIFO)) {
					Trace trace = new Tracer(graph, services, Long.MAX_VALUE).trace(seeds, direction, model, maxHops);
					assertThat(trace.endpointTotal()).as("round %d %s %s", round, direction, model)
							.isEqualTo(trace.seeded());
					assertThat(trace.endpoints()).allMatch(e -> e.amount() > 0);
					assertThat(trace.partial()).isFalse();
				}
			}
		}
	}

	/**
	 * Bitcoin-shaped graphs: transactions as nodes spending several addresses' coins to several outputs, a fee left at
	 * the transaction node, mixed with account-style transfers; conservation must still hold both ways.
	 */
	@Test
	void taintIsConservedThroughMultiInputBitcoinTransactions() {
		for (int round = 0; round < 300; round++) {
			SplittableRandom random = new SplittableRandom(5000 + round);
			int addresses = 3 + random.nextInt(20);
			int transactions = 1 + random.nextInt(30);
			FlowGraphBuilder b = new FlowGraphBuilder(64);
			long time = 1_700_000_000L;
			int tx = 0;
			for (int a = 0; a < addresses; a++) {
				b.add(addresses + a % 3, a, time, tx++, 1 + random.nextInt(5_000_000));
			}
			for (int t = 0; t < transactions; t++) {
				int node = addresses + 3 + t;
				b.transactionNode(node);
				time += random.nextInt(3) * 60;
				long in = 0;
				for (int i = 1 + random.nextInt(4); i > 0; i--) {
					long amount = 1 + random.nextInt(3_000_000);
					b.add(random.nextInt(addresses), node, time, tx, amount);
					in += amount;
				}
				long fee = random.nextLong(1 + in / 10);
				long left = in - fee;
				int outputs = 1 + random.nextInt(4);
				for (int o = 0; o < outputs && left > 0; o++) {
					long amount = o == outputs - 1 ? left : 1 + random.nextLong(left);
					b.add(node, random.nextInt(addresses), time, tx, amount);
					left -= amount;
				}
				tx++;
			}
			FlowGraph graph = b.build(null);
			BitSet services = new BitSet();
			if (random.nextBoolean()) {
				services.set(random.nextInt(addresses));
			}
			List<Seed> seeds = new ArrayList<>();
			for (int s = 1 + random.nextInt(3); s > 0; s--) {
				int edge = random.nextInt(graph.edges());
				seeds.add(new Seed(edge, 1 + random.nextLong(graph.amount(edge))));
			}
			for (Direction direction : Direction.values()) {
				for (TaintModel model : List.of(TaintModel.HAIRCUT, TaintModel.FIFO, TaintModel.LIFO)) {
					Trace trace = new Tracer(graph, services, Long.MAX_VALUE).trace(seeds, direction, model,
							1 + random.nextInt(8));
					assertThat(trace.endpointTotal()).as("round %d %s %s", round, direction, model)
							.isEqualTo(trace.seeded());
				}
			}
		}
	}

	@Test
	void poisonNeverTaintsLessThanAnyConservingModel() {
		for (int round = 0; round < 200; round++) {
			SplittableRandom random = new SplittableRandom(1000 + round);
			int nodes = 2 + random.nextInt(20);
			FlowGraphBuilder b = new FlowGraphBuilder(100);
			for (int i = 0; i < 100; i++) {
				b.add(random.nextInt(nodes), random.nextInt(nodes), 1_700_000_000L + i, i, 1 + random.nextInt(1000));
			}
			FlowGraph graph = b.build(null);
			List<Seed> seeds = List.of(new Seed(random.nextInt(100), 1_000_000));
			long poisoned = new Tracer(graph, new BitSet(), Long.MAX_VALUE)
					.trace(seeds, Direction.FORWARD, TaintModel.POISON, 7).steps().stream()
					.mapToLong(Trace.Step::tainted).sum();
			for (TaintModel model : List.of(TaintModel.HAIRCUT, TaintModel.FIFO, TaintModel.LIFO)) {
				long tainted = new Tracer(graph, new BitSet(), Long.MAX_VALUE).trace(seeds, Direction.FORWARD, model, 7)
						.steps().stream().mapToLong(Trace.Step::tainted).sum();
				assertThat(poisoned).as("round %d %s", round, model).isGreaterThanOrEqualTo(tainted);
			}
		}
	}
}
