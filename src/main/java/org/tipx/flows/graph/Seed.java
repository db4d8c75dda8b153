package org.tipx.flows.graph;

/** A transfer whose money is tainted at the start of a trace: all of it, or the stated part in base units. */
public record Seed(int edge, long amount) {

	public Seed {
		if (edge < 0 || amount <= 0) {
			throw new IllegalArgumentException("a seed is a transfer and a positive amount");
		}
	}
}
