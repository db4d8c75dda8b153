package org.tipx.flows.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The token contracts whose transfers tipx traces, by chain: Tether's and Circle's own contracts (and Maker's DAI), on BSC and Polygon the bridged Tether and Circle tokens.
 * Their decimals are those of {@link org.tipx.flows.Assets} (USDT and USDC 6 on Tron and Ethereum, DAI 18). A token
 * that only calls itself USDT is not among them.
 */
final class TokenContracts {

	private static final Map<String, Map<String, String>> CONTRACTS = Map.of(
			"tron", Map.of(
					"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "USDT",
					"TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8", "USDC"),
			"ethereum", Map.of(
					"0xdac17f958d2ee523a2206206994597c13d831ec7", "USDT",
					"0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC",
					"0x6b175474e89094c44da98b954eedeac495271d0f", "DAI"),
			"bsc", Map.of(
					"0x55d398326f99059ff775485246999027b3197955", "USDT",
					"0x8ac76a51cc950d9822d68b83fe1ad97b32cd580d", "USDC"),
			"polygon", Map.of(
					"0xc2132d05d31c914a87c6611c10748aeb04b58e8f", "USDT",
					"0x3c499c542cef5e3811e1192ce70d8cc03d5c3359", "USDC"));

	private TokenContracts() {
	}

	static Optional<String> asset(String chain, String contract) {
		Map<String, String> known = CONTRACTS.getOrDefault(chain, Map.of());
		String key = contract.startsWith("0x") || contract.startsWith("0X") ? contract.toLowerCase(Locale.ROOT) : contract;
		return Optional.ofNullable(known.get(key));
	}
}
