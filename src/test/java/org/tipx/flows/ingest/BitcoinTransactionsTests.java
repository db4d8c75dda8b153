package org.tipx.flows.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tipx.flows.Transfer;
import org.tipx.shared.InvalidInputException;

/** Bitcoin transactions become transfers into and out of a transaction node, amounts exact in satoshis. */
class BitcoinTransactionsTests {

	static final String TXID = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

	static final String GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", SEGWIT = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
			P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy";

	static Map<String, Object> tx(List<Map<String, Object>> inputs, List<Map<String, Object>> outputs) {
		return Map.of("txid", TXID.toUpperCase(), "time", "2024-05-01T10:00:00Z", "inputs", inputs, "outputs", outputs);
	}

	@Test
	void inputsGoIntoTheTransactionNodeAndOutputsLeaveItInBtcOrSatoshis() {
		List<Transfer> transfers = BitcoinTransactions.check(List.of(tx(
				List.of(Map.of("address", GENESIS, "amount", "0.5"), Map.of("address", SEGWIT, "satoshis", 70_000_000)),
				List.of(Map.of("address", P2SH, "amount", 1.1, "index", 1), Map.of("address", GENESIS, "amount", "0.0999", "index", 0)))));

		assertThat(transfers).extracting(Transfer::index, Transfer::from, Transfer::to, Transfer::amount).containsExactly(
				org.assertj.core.groups.Tuple.tuple(0, GENESIS, "tx:" + TXID, BigInteger.valueOf(50_000_000)),
				org.assertj.core.groups.Tuple.tuple(1, SEGWIT, "tx:" + TXID, BigInteger.valueOf(70_000_000)),
				org.assertj.core.groups.Tuple.tuple(BitcoinTransactions.OUTPUT + 1, "tx:" + TXID, P2SH,
						BigInteger.valueOf(110_000_000)),
				org.assertj.core.groups.Tuple.tuple(BitcoinTransactions.OUTPUT, "tx:" + TXID, GENESIS,
						BigInteger.valueOf(9_990_000)));
	}

	@Test
	void badAmountsAddressesAndOverspendingAreRefusedNamingTheField() {
		assertThatThrownBy(() -> BitcoinTransactions.check(List.of(tx(
				List.of(Map.of("address", GENESIS, "amount", "0.123456789"), Map.of("address", "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divfxx", "amount", "1"),
						Map.of("address", SEGWIT, "satoshis", "-5")),
				List.of(Map.of("address", P2SH, "amount", "ten"))))))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
						.extracting(InvalidInputException.FieldError::field).containsExactly(
								"transactions[0].inputs[0].amount", "transactions[0].inputs[1].address",
								"transactions[0].inputs[2].satoshis", "transactions[0].outputs[0].amount"));

		assertThatThrownBy(() -> BitcoinTransactions.check(List.of(tx(List.of(Map.of("address", GENESIS, "amount", "1")),
				List.of(Map.of("address", P2SH, "amount", "1.00000001"))))))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
						.extracting(InvalidInputException.FieldError::field).containsExactly("transactions[0].outputs"));
	}
}
