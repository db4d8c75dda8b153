package org.tipx.flows.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tipx.flows.Transfer;
import org.tipx.flows.internal.TransferRows;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * Reads Bitcoin transactions {@code {txid, time, inputs: [{address, amount}], outputs: [{address, amount,
 * index}]}} into transfers through a transaction node: each input is a transfer from its address to the node
 * {@code tx:<txid>} (index = its position), each output a transfer from the node to its address (index =
 * {@link #OUTPUT} + its output index), so inputs come before outputs in the ledger and the tracer passes the inputs'
 * taint to the outputs under the chosen model. The fee (inputs minus outputs) stays at the node.
 *
 * <p>
 * An amount is {@code amount} in BTC (a decimal string or number, at most 8 places) or {@code satoshis} (a whole
 * number), exactly one of the two. Any error refuses the whole batch, each naming its transaction and field.
 */
public final class BitcoinTransactions {

	/** Indices from here on are outputs: {@code OUTPUT + vout}. */
	public static final int OUTPUT = 1 << 30;

	/** The address of the node standing for a transaction. */
	public static final String NODE_PREFIX = "tx:";

	private static final BigInteger MAX_SATOSHIS = BigInteger.valueOf(21_000_000L * 100_000_000L);

	private BitcoinTransactions() {
	}

	public static String node(String txid) {
		return NODE_PREFIX + txid;
	}

	public static List<Transfer> check(List<Map<String, Object>> transactions) {
		if (transactions == null || transactions.isEmpty()) {
			throw new InvalidInputException("transactions", "a JSON array of at least one transaction");
		}
		List<FieldError> errors = new ArrayList<>();
		List<Transfer> transfers = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int t = 0; t < transactions.size(); t++) {
			Map<String, Object> tx = transactions.get(t);
			String at = "transactions[" + t + "].";
			int before = errors.size();
			String txid = text(tx.get("txid")).toLowerCase(Locale.ROOT);
			if (!txid.matches("[0-9a-f]{64}")) {
				errors.add(new FieldError(at + "txid", "64 hexadecimal characters"));
			}
			else if (!seen.add(txid)) {
				errors.add(new FieldError(at + "txid", "the same transaction twice in one upload"));
			}
			Instant time = TransferRows.instant(text(tx.get("time")), at + "time", errors);
			List<Map<String, Object>> inputs = list(tx.get("inputs"), at + "inputs", errors);
			List<Map<String, Object>> outputs = list(tx.get("outputs"), at + "outputs", errors);
			List<Transfer> own = new ArrayList<>();
			BigInteger in = BigInteger.ZERO;
			for (int i = 0; i < inputs.size(); i++) {
				String field = at + "inputs[" + i + "].";
				String address = TransferRows.canonicalAddress("bitcoin", text(inputs.get(i).get("address")),
						field + "address", errors);
				BigInteger satoshis = satoshis(inputs.get(i), field, errors);
				if (address != null && satoshis != null && time != null) {
					own.add(new Transfer("bitcoin", txid, i, time, address, node(txid), "BTC", satoshis));
					in = in.add(satoshis);
				}
			}
			BigInteger out = BigInteger.ZERO;
			Set<Integer> vouts = new HashSet<>();
			for (int o = 0; o < outputs.size(); o++) {
				String field = at + "outputs[" + o + "].";
				Map<String, Object> output = outputs.get(o);
				String address = TransferRows.canonicalAddress("bitcoin", text(output.get("address")), field + "address",
						errors);
				BigInteger satoshis = satoshis(output, field, errors);
				int vout = vout(output.get("index"), o, field, errors);
				if (vout >= 0 && !vouts.add(vout)) {
					errors.add(new FieldError(field + "index", "the same output index twice"));
				}
				if (address != null && satoshis != null && time != null && vout >= 0) {
					own.add(new Transfer("bitcoin", txid, OUTPUT + vout, time, node(txid), address, "BTC", satoshis));
					out = out.add(satoshis);
				}
			}
			if (errors.size() > before) {
				continue;
			}
			if (out.compareTo(in) > 0) {
				errors.add(new FieldError(at + "outputs", "pay out more than the inputs bring in"));
				continue;
			}
			transfers.addAll(own);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return transfers;
	}

	private static BigInteger satoshis(Map<String, Object> io, String field, List<FieldError> errors) {
		Object btc = io.get("amount");
		Object sats = io.get("satoshis");
		if ((btc == null) == (sats == null)) {
			errors.add(new FieldError(field + "amount", "either amount (BTC) or satoshis, exactly one"));
			return null;
		}
		String name = btc != null ? "amount" : "satoshis";
		BigDecimal value;
		try {
			value = new BigDecimal(text(btc != null ? btc : sats));
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field + name, "not a number"));
			return null;
		}
		if (value.signum() < 0) {
			errors.add(new FieldError(field + name, "negative"));
			return null;
		}
		BigDecimal units = btc != null ? value.movePointRight(8) : value;
		if (units.stripTrailingZeros().scale() > 0) {
			errors.add(new FieldError(field + name, btc != null ? "more than 8 decimal places" : "a whole number"));
			return null;
		}
		BigInteger satoshis = units.toBigIntegerExact();
		if (satoshis.compareTo(MAX_SATOSHIS) > 0) {
			errors.add(new FieldError(field + name, "more than the 21 million bitcoin there will ever be"));
			return null;
		}
		return satoshis;
	}

	private static int vout(Object index, int position, String field, List<FieldError> errors) {
		if (index == null) {
			return position;
		}
		try {
			int vout = Integer.parseInt(text(index));
			if (vout >= 0 && vout < OUTPUT) {
				return vout;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.add(new FieldError(field + "index", "a whole number from 0"));
		return -1;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value, String field, List<FieldError> errors) {
		if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Map.class::isInstance)) {
			return (List<Map<String, Object>>) list;
		}
		errors.add(new FieldError(field, "a non-empty array of {address, amount}"));
		return List.of();
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString().trim();
	}
}
