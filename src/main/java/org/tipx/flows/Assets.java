package org.tipx.flows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The assets tipx traces on each chain and their decimals: an amount is held as an integer of base units, so
 * {@code 12.5} USDT is {@code 12500000}. A decimal with more places than the asset has is refused, not rounded.
 */
public final class Assets {

	private static final Map<String, Map<String, Integer>> DECIMALS = Map.of(
			"tron", Map.of("USDT", 6, "USDC", 6, "TRX", 6),
			"ethereum", Map.of("USDT", 6, "USDC", 6, "ETH", 18, "DAI", 18),
			"bsc", Map.of("USDT", 18, "USDC", 18, "BNB", 18),
			"polygon", Map.of("USDT", 6, "USDC", 6, "POL", 18, "MATIC", 18),
			"bitcoin", Map.of("BTC", 8),
			"bank", Map.of("IDR", 2, "THB", 2, "PHP", 2, "MYR", 2, "USD", 2, "KHR", 2, "MMK", 2, "VND", 0, "LAK", 2));

	private Assets() {
	}

	public static boolean knownChain(String chain) {
		return DECIMALS.containsKey(chain);
	}

	public static Optional<Integer> decimals(String chain, String asset) {
		Map<String, Integer> assets = DECIMALS.get(chain);
		return assets == null ? Optional.empty() : Optional.ofNullable(assets.get(asset.toUpperCase(Locale.ROOT)));
	}

	/** Base units of a decimal amount, or empty when it has more places than the asset. */
	public static Optional<BigInteger> baseUnits(BigDecimal amount, int decimals) {
		BigDecimal scaled = amount.movePointRight(decimals).stripTrailingZeros();
		return scaled.scale() > 0 ? Optional.empty() : Optional.of(scaled.toBigIntegerExact());
	}

	public static BigDecimal decimal(BigInteger baseUnits, int decimals) {
		return new BigDecimal(baseUnits, decimals).stripTrailingZeros();
	}

	public static String chains() {
		return String.join(", ", DECIMALS.keySet().stream().sorted().toList());
	}
}
