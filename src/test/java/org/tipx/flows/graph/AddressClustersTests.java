package org.tipx.flows.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Multi-input clustering: co-spent addresses join, transitively; CoinJoin-like transactions join nobody. */
class AddressClustersTests {

	static final long T = 1_714_557_600L;

	/** Adds a transaction node {@code tx} spending {@code inputs} (address nodes, 1 BTC each) to {@code outputs}. */
	static void transaction(FlowGraphBuilder b, int tx, int[] inputs, int[] outputs, long[] amounts, long time) {
		b.transactionNode(tx);
		for (int input : inputs) {
			b.add(input, tx, time, tx, 100_000_000L);
		}
		for (int o = 0; o < outputs.length; o++) {
			b.add(tx, outputs[o], time, tx, amounts[o]);
		}
	}

	@Test
	void addressesSpentTogetherAreOneClusterAcrossTransactions() {
		FlowGraphBuilder b = new FlowGraphBuilder(16);
		transaction(b, 10, new int[] { 0, 1 }, new int[] { 5 }, new long[] { 190_000_000L }, T);
		transaction(b, 11, new int[] { 1, 2 }, new int[] { 6 }, new long[] { 190_000_000L }, T + 60);
		transaction(b, 12, new int[] { 3 }, new int[] { 4 }, new long[] { 90_000_000L }, T + 120);

		AddressClusters clusters = AddressClusters.of(b.build(null));

		assertThat(clusters.cluster(0)).isEqualTo(clusters.cluster(1)).isEqualTo(clusters.cluster(2)).isZero();
		assertThat(clusters.cluster(3)).as("a single-input spend joins no one").isEqualTo(3);
		assertThat(clusters.cluster(5)).as("outputs are not joined to the inputs").isEqualTo(5);
		assertThat(clusters.coinJoinsSkipped()).isZero();
	}

	@Test
	void aCoinJoinLikeTransactionWithThreeEqualOutputsAndThreeInputsJoinsNobody() {
		FlowGraphBuilder b = new FlowGraphBuilder(16);
		transaction(b, 10, new int[] { 0, 1, 2 }, new int[] { 5, 6, 7, 8 },
				new long[] { 90_000_000L, 90_000_000L, 90_000_000L, 20_000_000L }, T);

		AddressClusters clusters = AddressClusters.of(b.build(null));

		assertThat(clusters.cluster(0)).isZero();
		assertThat(clusters.cluster(1)).isEqualTo(1);
		assertThat(clusters.cluster(2)).isEqualTo(2);
		assertThat(clusters.coinJoinsSkipped()).isOne();
	}

	@Test
	void twoEqualOutputsAreAnOrdinaryPaymentAndItsInputsJoin() {
		FlowGraphBuilder b = new FlowGraphBuilder(16);
		transaction(b, 10, new int[] { 0, 1, 2 }, new int[] { 5, 6, 7 },
				new long[] { 90_000_000L, 90_000_000L, 100_000_000L }, T);

		AddressClusters clusters = AddressClusters.of(b.build(null));

		assertThat(clusters.cluster(2)).isEqualTo(clusters.cluster(0)).isEqualTo(clusters.cluster(1));
		assertThat(clusters.coinJoinsSkipped()).isZero();
	}
}
