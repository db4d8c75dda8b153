package org.tipx.signals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Blockchains whose addresses tipx checks. Ethereum, BSC and Polygon share the EVM address format.
 */
public enum Chain {
	BITCOIN, ETHEREUM, TRON, BSC, POLYGON;

	public String wire() {
		return name().toLowerCase();
	}

	public boolean evm() {
		return this == ETHEREUM || this == BSC || this == POLYGON;
	}

	public static Optional<Chain> fromWire(String name) {
		return Arrays.stream(values()).filter(c -> c.wire().equals(name)).findFirst();
	}

	public static List<String> wireNames() {
		return Arrays.stream(values()).map(Chain::wire).toList();
	}
}
