package org.tipx.flows;

/** Following a payment to where it went (forward) or a cash-out to where it came from (backward). */
public enum Direction {
	FORWARD, BACKWARD
}
