package org.tipx.flows.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;

/**
 * Taint through a multi-input Bitcoin transaction, computed by hand: the victim's 1 BTC (tainted) reaches address A,
 * clean address B holds 3 BTC; one transaction spends A then B and pays C 2 BTC and D 1.9 BTC, a 0.1 BTC fee staying
 * at the transaction node.
 */
class BitcoinTaintTests {

	static final int VICTIM = 0, FUNDER = 1, A = 2, B = 3, TX = 4, C = 5, D = 6;

	static final long BTC = 100_000_000L, T = 1_714_557_600L;

	FlowGraph graph;

	int seedEdge;

	BitcoinTaintTests() {
		FlowGraphBuilder b = new FlowGraphBuilder(8);
		int seed = b.add(VICTIM, A, T, 0, BTC);
		b.add(FUNDER, B, T, 1, 3 * BTC);
		b.transactionNode(TX);
		b.add(A, TX, T + 600, 2, BTC);
		b.add(B, TX, T + 600, 2, 3 * BTC);
		b.add(TX, C, T + 600, 2, 2 * BTC);
		b.add(TX, D, T + 600, 2, 190_000_000L);
		int[] order = new int[b.size()];
		graph = b.build(order);
		seedEdge = order[seed];
	}

	Map<Integer, Long> endpoints(TaintModel model) {
		Trace trace = new Tracer(graph, new BitSet(), Long.MAX_VALUE).trace(List.of(new Seed(seedEdge, BTC)),
				Direction.FORWARD, model, 2);
		assertThat(trace.hopLimitReached()).as("passing through the transaction is not a hop").isFalse();
		return trace.endpoints().stream().collect(Collectors.toMap(Trace.Endpoint::node, Trace.Endpoint::amount));
	}

	@Test
	void haircutSharesTheInputsTaintInProportionAmongOutputsAndFee() {
		assertThat(endpoints(TaintModel.HAIRCUT)).containsExactlyInAnyOrderEntriesOf(
				Map.of(C, 50_000_000L, D, 47_500_000L, TX, 2_500_000L));
	}

	@Test
	void fifoPaysTheFirstOutputFromTheFirstInput() {
		assertThat(endpoints(TaintModel.FIFO)).containsExactlyInAnyOrderEntriesOf(Map.of(C, BTC));
	}

	@Test
	void lifoPaysTheFirstOutputFromTheLastInputSoTheTaintLandsInTheSecondOutputAndTheFee() {
		assertThat(endpoints(TaintModel.LIFO)).containsExactlyInAnyOrderEntriesOf(
				Map.of(D, 90_000_000L, TX, 10_000_000L));
	}

	@Test
	void poisonMarksEveryOutput() {
		assertThat(endpoints(TaintModel.POISON)).containsExactlyInAnyOrderEntriesOf(
				Map.of(C, 2 * BTC, D, 190_000_000L, TX, 10_000_000L));
	}

	@Test
	void backwardFromAnOutputReachesBothInputsUnderHaircut() {
		int toC = -1;
		for (int e = 0; e < graph.edges(); e++) {
			if (graph.target(e) == C) {
				toC = e;
			}
		}
		Trace trace = new Tracer(graph, new BitSet(), Long.MAX_VALUE).trace(List.of(new Seed(toC, 2 * BTC)),
				Direction.BACKWARD, TaintModel.HAIRCUT, 7);
		assertThat(trace.endpointTotal()).isEqualTo(2 * BTC);
		assertThat(trace.endpoints()).extracting(Trace.Endpoint::node).contains(VICTIM, FUNDER);
	}
}
