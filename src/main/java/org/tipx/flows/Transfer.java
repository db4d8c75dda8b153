package org.tipx.flows;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One checked transfer: addresses in the signal exchange's canonical form (bank accounts as given, without spaces),
 * the asset upper-cased, the amount in the asset's base units.
 */
public record Transfer(String chain, String tx, int index, Instant time, String from, String to, String asset,
		BigInteger amount) {

	public Transfer {
		Objects.requireNonNull(chain);
		Objects.requireNonNull(tx);
		Objects.requireNonNull(time);
		Objects.requireNonNull(from);
		Objects.requireNonNull(to);
		Objects.requireNonNull(asset);
		if (amount.signum() < 0 || index < 0) {
			throw new IllegalArgumentException("a transfer moves a non-negative amount at a non-negative index");
		}
	}
}
