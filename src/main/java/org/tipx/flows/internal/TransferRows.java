package org.tipx.flows.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tipx.flows.Assets;
import org.tipx.flows.Transfer;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.signals.Chain;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;

/**
 * Reads rows of {@code chain, tx, index, time, from, to, asset, amount} and checks every one: a known chain and asset,
 * a non-negative amount with no more places than the asset has, addresses valid as the signal exchange checks them,
 * times in order within a transaction. Any error refuses the whole import, each error naming its row and field.
 */
public final class TransferRows {

	private static final Canonicalisers CANONICAL = Canonicalisers.standard();

	private TransferRows() {
	}

	public static List<Transfer> check(List<Map<String, Object>> rows) {
		List<FieldError> errors = new ArrayList<>();
		List<Transfer> transfers = new ArrayList<>();
		Map<String, Transfer> lastInTx = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			String at = "transfers[" + i + "].";
			int before = errors.size();
			String chain = text(row, "chain").toLowerCase(Locale.ROOT);
			String tx = text(row, "tx");
			String asset = text(row, "asset").toUpperCase(Locale.ROOT);
			if (!Assets.knownChain(chain)) {
				errors.add(new FieldError(at + "chain", "unknown chain; tipx traces " + Assets.chains()));
			}
			if (tx.isEmpty()) {
				errors.add(new FieldError(at + "tx", "required"));
			}
			Integer decimals = Assets.decimals(chain, asset).orElse(null);
			if (Assets.knownChain(chain) && decimals == null) {
				errors.add(new FieldError(at + "asset", "unknown asset on " + chain));
			}
			int index = integer(row, "index", at, errors);
			Instant time = time(text(row, "time"), at, errors);
			String from = canonicalAddress(chain, text(row, "from"), at + "from", errors);
			String to = canonicalAddress(chain, text(row, "to"), at + "to", errors);
			BigInteger amount = amount(text(row, "amount"), decimals, at, errors);
			if (errors.size() > before) {
				continue;
			}
			Transfer transfer = new Transfer(chain, tx, index, time, from, to, asset, amount);
			Transfer previous = lastInTx.put(chain + "|" + tx, transfer);
			if (previous != null && previous.index() < index && previous.time().isAfter(time)) {
				errors.add(new FieldError(at + "time", "earlier than index " + previous.index() + " of the same transaction"));
			}
			transfers.add(transfer);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return transfers;
	}

	private static String text(Map<String, Object> row, String field) {
		Object value = row.get(field);
		return value == null ? "" : value.toString().trim();
	}

	private static int integer(Map<String, Object> row, String field, String at, List<FieldError> errors) {
		try {
			int value = Integer.parseInt(text(row, field));
			if (value >= 0) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.add(new FieldError(at + field, "a whole number from 0"));
		return -1;
	}

	private static Instant time(String text, String at, List<FieldError> errors) {
		return instant(text, at + "time", errors);
	}

	/** An ISO 8601 time, a date (midnight UTC), yyyy-MM-dd HH:mm:ss (UTC) or Unix seconds; null and an error if not. */
	public static Instant instant(String text, String field, List<FieldError> errors) {
		try {
			if (text.matches("\\d{9,11}")) {
				return Instant.ofEpochSecond(Long.parseLong(text));
			}
			if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (text.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
				return OffsetDateTime.parse(text.replace(' ', 'T') + "Z").toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException | NumberFormatException e) {
			errors.add(new FieldError(field, "an ISO 8601 time (2024-05-01T10:00:00Z), a date or Unix seconds"));
			return null;
		}
	}

	private static BigInteger amount(String text, Integer decimals, String at, List<FieldError> errors) {
		BigDecimal value;
		try {
			value = new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(at + "amount", "not a number"));
			return null;
		}
		if (value.signum() < 0) {
			errors.add(new FieldError(at + "amount", "negative"));
			return null;
		}
		if (decimals == null) {
			return null;
		}
		BigInteger units = Assets.baseUnits(value, decimals).orElse(null);
		if (units == null) {
			errors.add(new FieldError(at + "amount", "more than " + decimals + " decimal places"));
		}
		else if (units.bitLength() > 62) {
			// The graph holds base units in a long (ADR 0026): 9.2 ETH in wei is the most one transfer may carry.
			errors.add(new FieldError(at + "amount", "over 4.6e18 base units, more than the tracer holds"));
			return null;
		}
		return units;
	}

	public static String canonicalAddress(String chain, String text, String field, List<FieldError> errors) {
		if (text.isEmpty()) {
			errors.add(new FieldError(field, "required"));
			return null;
		}
		if (chain.equals("bank")) {
			return text.replaceAll("[\\s-]", "");
		}
		Chain wire = Chain.fromWire(chain).orElse(null);
		if (wire == null) {
			return null;
		}
		Canonical canonical = CANONICAL.canonicalise(new RawIndicator(IndicatorType.CRYPTO_ADDRESS, text, null, wire, null));
		if (!canonical.valid()) {
			errors.add(new FieldError(field, canonical.reason()));
			return null;
		}
		return canonical.canonical();
	}
}
