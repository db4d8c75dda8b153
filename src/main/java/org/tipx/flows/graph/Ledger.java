package org.tipx.flows.graph;

import it.unimi.dsi.fastutil.longs.LongArrayList;

import org.tipx.flows.TaintModel;

/**
 * One node's running account while a trace passes through it: its balance, the tainted part of it, and for FIFO and
 * LIFO the lots in the order they arrived (adjacent lots of the same kind merged, so a long clean history is one lot).
 * The node's history before the imported data is unknown: an outflow larger than the recorded balance takes the
 * shortfall as clean money of unknown origin.
 */
final class Ledger {

	/** Cursor into the node's credits and debits, in the direction's order. */
	int credit;

	int debit;

	long balance;

	/** The debit this node is already woken for, so it is woken once per debit. */
	int pending = -1;

	long tainted;

	/** Fewest hops from a seed of the taint held here; {@code Integer.MAX_VALUE} while clean. */
	int hop = Integer.MAX_VALUE;

	/** Taint stops here: a tagged service, or the hop limit reached. */
	byte stop;

	static final byte SERVICE = 1;

	static final byte HOP_LIMIT = 2;

	/** Lots oldest first; a tainted lot is stored negated. Only FIFO and LIFO keep them. */
	private final LongArrayList lots;

	private int head;

	Ledger(TaintModel model) {
		this.lots = model == TaintModel.FIFO || model == TaintModel.LIFO ? new LongArrayList(2) : null;
	}

	void credit(long amount, long taint) {
		balance += amount;
		tainted += taint;
		if (lots != null) {
			// Within one credit the tainted part counts as arriving first.
			push(-taint);
			push(amount - taint);
		}
	}

	/** Takes {@code amount} out of the ledger and returns the tainted part of it under the model. */
	long debit(long amount, TaintModel model) {
		if (model == TaintModel.POISON) {
			// Poison never washes out: the tainted amount received stays, and every later outflow is tainted.
			balance = Math.max(0, balance - amount);
			return tainted > 0 ? amount : 0;
		}
		if (amount >= balance) {
			long taint = tainted;
			balance = 0;
			tainted = 0;
			if (lots != null) {
				lots.clear();
				head = 0;
			}
			return taint;
		}
		long taint = switch (model) {
			case POISON -> throw new IllegalStateException("handled above");
			case HAIRCUT -> share(amount, tainted, balance);
			case FIFO -> drawOldest(amount);
			case LIFO -> drawNewest(amount);
		};
		balance -= amount;
		tainted -= taint;
		return taint;
	}

	/** floor(amount * tainted / balance), exact even when the product exceeds a long. */
	static long share(long amount, long tainted, long balance) {
		if (tainted == 0) {
			return 0;
		}
		long high = Math.multiplyHigh(amount, tainted);
		long low = amount * tainted;
		if (high == 0 && low >= 0) {
			return low / balance;
		}
		return java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(tainted))
				.divide(java.math.BigInteger.valueOf(balance)).longValueExact();
	}

	private void push(long lot) {
		if (lot == 0) {
			return;
		}
		int last = lots.size() - 1;
		if (last >= head && Long.signum(lots.getLong(last)) == Long.signum(lot)) {
			lots.set(last, lots.getLong(last) + lot);
		}
		else {
			lots.add(lot);
		}
	}

	private long drawOldest(long amount) {
		long taint = 0;
		while (amount > 0) {
			long lot = lots.getLong(head);
			long size = Math.abs(lot);
			long take = Math.min(size, amount);
			if (lot < 0) {
				taint += take;
			}
			amount -= take;
			if (take == size) {
				head++;
			}
			else {
				lots.set(head, lot < 0 ? lot + take : lot - take);
			}
		}
		if (head > 32 && head * 2 > lots.size()) {
			lots.removeElements(0, head);
			head = 0;
		}
		return taint;
	}

	private long drawNewest(long amount) {
		long taint = 0;
		while (amount > 0) {
			int last = lots.size() - 1;
			long lot = lots.getLong(last);
			long size = Math.abs(lot);
			long take = Math.min(size, amount);
			if (lot < 0) {
				taint += take;
			}
			amount -= take;
			if (take == size) {
				lots.removeLong(last);
			}
			else {
				lots.set(last, lot < 0 ? lot + take : lot - take);
			}
		}
		return taint;
	}
}
