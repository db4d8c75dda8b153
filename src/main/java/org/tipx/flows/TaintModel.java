package org.tipx.flows;

/**
 * How tainted money is followed through an address that also holds clean money. In every model money that left an
 * address before tainted money arrived there carries no taint.
 */
public enum TaintModel {
	/** Every outflow after tainted money arrived is wholly tainted: the widest net, no conservation. */
	POISON,
	/** Each outflow carries taint in proportion to the tainted share of the balance at that moment. */
	HAIRCUT,
	/** Outflows draw from the address's ledger oldest first. */
	FIFO,
	/** Outflows draw from the address's ledger newest first. */
	LIFO;

	/** Whether the tainted amounts reached always add up to the seed. */
	public boolean conserves() {
		return this != POISON;
	}
}
