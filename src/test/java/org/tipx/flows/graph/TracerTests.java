package org.tipx.flows.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;

class TracerTests {

	static final int VICTIM = 0, MULE = 1, CLEAN = 2, EARLY = 3, EXCHANGE = 4, Y = 5, Z = 6, LATE = 7;

	static final long T = 1_700_000_000L;

	/**
	 * The mule account held 100 clean before the victim paid 140; it paid 30 to someone before the victim's money
	 * arrived, then 105 to an exchange, 70 to Y and 20 to Z, keeping 15; a late payer sent it 50 afterwards.
	 */
	static FlowGraph mixedAccount() {
		FlowGraphBuilder b = new FlowGraphBuilder(8);
		b.add(CLEAN, MULE, T + 1, 0, 100);
		b.add(MULE, EARLY, T + 2, 1, 30);
		b.add(VICTIM, MULE, T + 3, 2, 140);
		b.add(MULE, EXCHANGE, T + 4, 3, 105);
		b.add(MULE, Y, T + 5, 4, 70);
		b.add(MULE, Z, T + 6, 5, 20);
		b.add(LATE, MULE, T + 7, 6, 50);
		return b.build(null);
	}

	static BitSet exchange() {
		BitSet services = new BitSet();
		services.set(EXCHANGE);
		return services;
	}

	static Map<Integer, Long> amounts(Trace trace) {
		Map<Integer, Long> byNode = new TreeMap<>();
		trace.endpoints().forEach(e -> byNode.put(e.node(), e.amount()));
		return byNode;
	}

	Trace forward(TaintModel model) {
		return new Tracer(mixedAccount(), exchange(), 1_000).trace(List.of(new Seed(2, 140)), Direction.FORWARD, model, 7);
	}

	@Test
	void fifoPaysOutTheCleanMoneyHeldBeforeTheVictimsPaymentFirst() {
		assertThat(amounts(forward(TaintModel.FIFO))).containsExactlyInAnyOrderEntriesOf(
				Map.of(EXCHANGE, 35L, Y, 70L, Z, 20L, MULE, 15L));
	}

	@Test
	void lifoPaysOutTheVictimsMoneyFirst() {
		assertThat(amounts(forward(TaintModel.LIFO))).containsExactlyInAnyOrderEntriesOf(
				Map.of(EXCHANGE, 105L, Y, 35L));
	}

	@Test
	void haircutPassesTheTaintedShareOfTheBalanceRoundedDownToBaseUnits() {
		// 140 of 210 tainted: 105*140/210 = 70; then 70*70/105 = 46.67 -> 46; then 20*24/35 = 13.7 -> 13; 11 stays.
		assertThat(amounts(forward(TaintModel.HAIRCUT))).containsExactlyInAnyOrderEntriesOf(
				Map.of(EXCHANGE, 70L, Y, 46L, Z, 13L, MULE, 11L));
	}

	@Test
	void poisonTaintsEveryLaterOutflowWhole() {
		assertThat(amounts(forward(TaintModel.POISON))).containsExactlyInAnyOrderEntriesOf(
				Map.of(EXCHANGE, 105L, Y, 70L, Z, 20L, MULE, 65L));
	}

	@Test
	void moneyThatLeftBeforeTheVictimsPaymentArrivedCarriesNoTaintUnderAnyModel() {
		for (TaintModel model : TaintModel.values()) {
			Trace trace = forward(model);
			assertThat(trace.reached()).as(model.name()).doesNotContain(EARLY);
			assertThat(trace.steps()).as(model.name()).noneMatch(s -> s.edge() == 1);
		}
	}

	@Test
	void theExchangeIsAnEndpointAndTaintDoesNotPassThroughIt() {
		FlowGraphBuilder b = new FlowGraphBuilder(2);
		b.add(VICTIM, EXCHANGE, T, 0, 10);
		b.add(EXCHANGE, Y, T + 1, 1, 10);
		Trace trace = new Tracer(b.build(null), exchange(), 100).trace(List.of(new Seed(0, 10)), Direction.FORWARD,
				TaintModel.POISON, 7);
		assertThat(trace.endpoints()).containsExactly(new Trace.Endpoint(EXCHANGE, Trace.Stop.SERVICE, 10));
		assertThat(trace.reached()).doesNotContain(Y);
	}

	@Test
	void aChainLongerThanMaxHopsStopsAtTheLimitAndSaysSo() {
		FlowGraphBuilder b = new FlowGraphBuilder(4);
		for (int i = 0; i < 4; i++) {
			b.add(i, i + 1, T + i, i, 10);
		}
		Trace trace = new Tracer(b.build(null), new BitSet(), 100).trace(List.of(new Seed(0, 10)), Direction.FORWARD,
				TaintModel.HAIRCUT, 2);
		assertThat(trace.endpoints()).containsExactly(new Trace.Endpoint(2, Trace.Stop.HOP_LIMIT, 10));
		assertThat(trace.hopLimitReached()).isTrue();
	}

	@Test
	void aTraceOverItsBudgetIsMarkedPartial() {
		FlowGraphBuilder b = new FlowGraphBuilder(100);
		for (int i = 0; i < 100; i++) {
			b.add(i, i + 1, T + i, i, 10);
		}
		Trace trace = new Tracer(b.build(null), new BitSet(), 20).trace(List.of(new Seed(0, 10)), Direction.FORWARD,
				TaintModel.HAIRCUT, 1000);
		assertThat(trace.partial()).isTrue();
		assertThat(trace.reached().length).isLessThan(50);
	}

	@Test
	void backwardFromTheCashOutFindsWhoFundedItAndNotWhoPaidInLater() {
		Trace trace = new Tracer(mixedAccount(), new BitSet(), 1_000).trace(List.of(new Seed(3, 105)),
				Direction.BACKWARD, TaintModel.HAIRCUT, 7);
		// Backward the mule's ledger runs from the cash-out back: 20 and 70 paid out later dilute (195 held, 105
		// tainted), the victim's 140 takes 140*105/195 = 75, the clean source's 100 takes the remaining 30.
		assertThat(amounts(trace)).containsExactlyInAnyOrderEntriesOf(Map.of(VICTIM, 75L, CLEAN, 30L));
		assertThat(trace.reached()).doesNotContain(LATE);
	}

	@Test
	void aPartSeedTaintsOnlyThatPartWhichCountsAsArrivingBeforeTheRestOfThePayment() {
		Trace trace = new Tracer(mixedAccount(), exchange(), 1_000).trace(List.of(new Seed(2, 70)), Direction.FORWARD,
				TaintModel.LIFO, 7);
		assertThat(amounts(trace)).containsExactlyInAnyOrderEntriesOf(Map.of(EXCHANGE, 35L, Y, 35L));
		assertThat(trace.endpointTotal()).isEqualTo(70);
	}
}
