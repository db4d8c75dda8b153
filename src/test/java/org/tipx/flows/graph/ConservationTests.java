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
