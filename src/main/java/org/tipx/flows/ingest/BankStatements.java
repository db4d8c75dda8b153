package org.tipx.flows.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tipx.flows.Assets;
import org.tipx.flows.internal.TransferRows;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * Rows of a victim's bank statement: {@code date, from account, to account, amount, currency}, with optional
 * {@code reference} and holders' names ({@code from name}, {@code to name}). The currency is an ISO 4217 code tipx
 * traces; the amount a plain decimal (thousands may be grouped with commas) of at most the currency's minor units;
 * account numbers are normalised to letters and digits in upper case (an IBAN's spaces and dashes dropped). Errors name
 * the file line and the column as the statement spells it; any error refuses the whole file.
 */
public final class BankStatements {

	/** One checked statement line. Account numbers and names are personal data: never log or show them. */
	public record Line(int line, Instant time, String fromAccount, String toAccount, String fromName, String toName,
			String currency, BigInteger amount, String reference) {
	}

	private BankStatements() {
	}

	public static List<Line> read(CsvTable table) {
		int date = required(table, "Date", "Transaction Date", "Value Date", "Time");
		int from = required(table, CsvFormat.FROM_ACCOUNT);
		int to = required(table, CsvFormat.TO_ACCOUNT);
		int amount = required(table, "Amount");
		int currency = required(table, "Currency");
		int reference = table.column("Reference", "Transaction ID", "Tx");
		int fromName = table.column("From Name", "Sender Name", "Debit Name");
		int toName = table.column("To Name", "Beneficiary Name", "Credit Name");
		List<FieldError> errors = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		for (CsvTable.Row row : table.rows()) {
			List<String> f = row.fields();
			String at = "line[" + row.line() + "].";
			int before = errors.size();
			Instant time = TransferRows.instant(f.get(date), at + table.header().get(date), errors);
			String fromAccount = account(f.get(from), at + table.header().get(from), errors);
			String toAccount = account(f.get(to), at + table.header().get(to), errors);
			String code = f.get(currency).toUpperCase(Locale.ROOT);
			Integer decimals = Assets.decimals("bank", code).orElse(null);
			if (decimals == null) {
				errors.add(new FieldError(at + table.header().get(currency), "a currency tipx traces: IDR, THB, PHP, "
						+ "MYR, USD, KHR, MMK, VND or LAK"));
			}
			BigInteger units = units(f.get(amount), decimals, at + table.header().get(amount), errors);
			if (errors.size() > before) {
				continue;
			}
			lines.add(new Line(row.line(), time, fromAccount, toAccount, fromName >= 0 ? f.get(fromName) : "",
					toName >= 0 ? f.get(toName) : "", code, units, reference >= 0 ? f.get(reference) : ""));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return lines;
	}

	/** Letters and digits, upper case: id12 3456-78 and ID12345678 are one account. */
	public static String normalise(String account) {
		return account.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
	}

	private static String account(String text, String field, List<FieldError> errors) {
		String account = normalise(text);
		if (account.length() < 4 || account.length() > 34 || !text.matches("[\\p{L}\\p{N} .\\-/]+")) {
			errors.add(new FieldError(field, "an account number or IBAN: 4 to 34 letters and digits"));
			return null;
		}
		return account;
	}

	private static BigInteger units(String text, Integer decimals, String field, List<FieldError> errors) {
		String plain = text.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?") ? text.replace(",", "") : text;
		BigDecimal value;
		try {
			value = new BigDecimal(plain);
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, "not a number"));
			return null;
		}
		if (value.signum() < 0) {
			errors.add(new FieldError(field, "negative: a statement line moves money from one account to another"));
			return null;
		}
		if (decimals == null) {
			return null;
		}
		BigInteger units = Assets.baseUnits(value, decimals).orElse(null);
		if (units == null) {
			errors.add(new FieldError(field, "more than " + decimals + " decimal places"));
		}
		else if (units.bitLength() > 62) {
			errors.add(new FieldError(field, "more than the tracer holds"));
			return null;
		}
		return units;
	}

	private static int required(CsvTable table, String... names) {
		int c = table.column(names);
		if (c < 0) {
			throw new InvalidInputException("file", "missing column " + names[0]);
		}
		return c;
	}
}
