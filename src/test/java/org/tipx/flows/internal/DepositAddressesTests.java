package org.tipx.flows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tipx.flows.graph.FlowGraph;
import org.tipx.flows.graph.FlowGraphBuilder;

/**
 * The deposit-address heuristic on small hand-made graphs: nodes 0-1 customers, 2 the candidate, 3 the exchange's hot
 * wallet ("Exchange A"), 4 someone else.
 */
class DepositAddressesTests {

	static final long T0 = Instant.parse("2024-05-01T00:00:00Z").getEpochSecond();

	static final int HOT_WALLET = 3;

	static Map<Integer, DepositAddresses.Deposit> find(FlowGraph graph) {
		return DepositAddresses.find(graph, n -> n == HOT_WALLET ? "Exchange A" : null, n -> n == HOT_WALLET);
	}

	@Test
	void anAddressThatForwardsAllItReceivedWithinHoursIsTheExchangesDepositAddressWithTheSweepsAsEvidence() {
		FlowGraphBuilder b = new FlowGraphBuilder(8);
		b.add(0, 2, T0, 0, 500);
		b.add(1, 2, T0 + 600, 1, 500);
		int sweep = b.add(2, HOT_WALLET, T0 + 3 * 3600, 2, 1000);
		FlowGraph graph = b.build(null);

		var deposits = find(graph);

		assertThat(deposits).containsOnlyKeys(2);
		assertThat(deposits.get(2).exchangeName()).isEqualTo("Exchange A");
		assertThat(deposits.get(2).exchangeNode()).isEqualTo(HOT_WALLET);
		assertThat(deposits.get(2).sweeps()).containsExactly(sweep);
	}

	@Test
	void ninetyPercentSweptIsEnoughButLessIsNot() {
		FlowGraphBuilder enough = new FlowGraphBuilder(8);
		enough.add(0, 2, T0, 0, 1000);
		enough.add(2, HOT_WALLET, T0 + 60, 1, 900);
		enough.add(2, 4, T0 + 120, 2, 100);
		assertThat(find(enough.build(null))).containsOnlyKeys(2);

		FlowGraphBuilder short_ = new FlowGraphBuilder(8);
		short_.add(0, 2, T0, 0, 1000);
		short_.add(2, HOT_WALLET, T0 + 60, 1, 899);
		short_.add(2, 4, T0 + 120, 2, 101);
		assertThat(find(short_.build(null))).isEmpty();
	}

	@Test
	void aPaymentToTheExchangeMoreThanSeventyTwoHoursAfterTheMoneyArrivedIsNotASweep() {
		FlowGraphBuilder b = new FlowGraphBuilder(8);
		b.add(0, 2, T0, 0, 1000);
		b.add(2, HOT_WALLET, T0 + 72 * 3600 + 1, 1, 1000);
		assertThat(find(b.build(null))).isEmpty();

		FlowGraphBuilder inTime = new FlowGraphBuilder(8);
		inTime.add(0, 2, T0, 0, 1000);
		inTime.add(2, HOT_WALLET, T0 + 72 * 3600, 1, 1000);
		assertThat(find(inTime.build(null))).containsOnlyKeys(2);
	}

	@Test
	void aWalletThatKeepsMostOfWhatItReceivedLaterIsNotADepositAddress() {
		FlowGraphBuilder b = new FlowGraphBuilder(8);
		b.add(0, 2, T0, 0, 1000);
		b.add(2, HOT_WALLET, T0 + 60, 1, 1000);
		b.add(1, 2, T0 + 7200, 2, 5000); // received later and kept: a user's own wallet, not a deposit address
		assertThat(find(b.build(null))).isEmpty();
	}

	@Test
	void theHotWalletItselfAndAnAddressThatNeverReceivedAreNotTagged() {
		FlowGraphBuilder b = new FlowGraphBuilder(8);
		b.add(0, HOT_WALLET, T0, 0, 1000);
		b.add(HOT_WALLET, 4, T0 + 60, 1, 1000);
		b.add(4, HOT_WALLET, T0 + 120, 2, 1000);
		assertThat(find(b.build(null))).as("4 received from the hot wallet and sent it back: not 0, not the hot wallet")
				.containsOnlyKeys(4);
	}
}
