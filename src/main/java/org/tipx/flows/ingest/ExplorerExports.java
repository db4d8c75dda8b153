package org.tipx.flows.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tipx.flows.Assets;
import org.tipx.flows.Transfer;
import org.tipx.flows.internal.TransferRows;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * Token-transfer CSV exports of Etherscan and Tronscan, as users download them, and tipx's own CSV, read into checked
 * transfers. The token of an explorer row is decided by its contract when the export has one (only the contracts of
 * {@link TokenContracts} are traced: a token named USDT from another contract is a counterfeit and is skipped), else
 * by its symbol. Rows of tokens tipx does not trace are skipped and listed, not refused: explorer exports are full of
 * airdropped spam tokens. Within one transaction hash the rows are numbered in file order from 0. Errors name the
 * file line and the column as the export spells it; any error refuses the whole file.
 */
public final class ExplorerExports {

	/** Transfers read, and the rows skipped with the reason. */
	public record Read(CsvFormat format, List<Transfer> transfers, List<Map<String, Object>> skipped) {
	}

	private ExplorerExports() {
	}

	/**
	 * Reads a GENERIC, ETHERSCAN or TRONSCAN file. {@code chain} overrides the export's chain (an Etherscan-layout
	 * export from BscScan or PolygonScan) and may be null.
	 */
	public static Read read(CsvTable table, CsvFormat format, String chain) {
		return switch (format) {
			case GENERIC -> generic(table);
			case ETHERSCAN -> explorer(table, format, chain == null ? "ethereum" : chain);
			case TRONSCAN -> explorer(table, format, chain == null ? "tron" : chain);
			case BANK_STATEMENT -> throw new IllegalArgumentException("bank statements are read by BankStatements");
		};
	}

	private static Read generic(CsvTable table) {
		List<Map<String, Object>> rows = new ArrayList<>();
		Map<String, String> columns = new HashMap<>();
		for (String name : List.of("chain", "tx", "index", "time", "from", "to", "asset", "amount")) {
			int c = required(table, name);
			columns.put(name, table.header().get(c));
		}
		for (CsvTable.Row row : table.rows()) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (int c = 0; c < table.header().size(); c++) {
				map.put(table.header().get(c).toLowerCase(Locale.ROOT), row.fields().get(c));
			}
			rows.add(map);
		}
		return new Read(CsvFormat.GENERIC, checked(rows, table.rows().stream().map(CsvTable.Row::line).toList(), columns),
				List.of());
	}

	private static Read explorer(CsvTable table, CsvFormat format, String chain) {
		if (!Assets.knownChain(chain)) {
			throw new InvalidInputException("chain", "unknown chain; tipx traces " + Assets.chains());
		}
		int hash = required(table, CsvFormat.HASH);
		int unix = table.column("UnixTimestamp", "Timestamp", "block_ts");
		int date = table.column("DateTime (UTC)", "DateTime", "Time(UTC)", "Time (UTC)", "Date(UTC)", "Block Time",
				"Time", "Date");
		if (unix < 0 && date < 0) {
			throw new InvalidInputException("file", "no time column: UnixTimestamp or DateTime (UTC)");
		}
		int from = required(table, CsvFormat.FROM);
		int to = required(table, CsvFormat.TO);
		int amount = required(table, CsvFormat.AMOUNT);
		int symbol = table.column(CsvFormat.TOKEN);
		int contract = table.column("ContractAddress", "Contract Address", "Token Address", "contract_address",
				"token_address");
		if (symbol < 0 && contract < 0) {
			throw new InvalidInputException("file", "no token column: TokenSymbol or ContractAddress");
		}
		Map<String, String> columns = new HashMap<>();
		columns.put("tx", table.header().get(hash));
		columns.put("time", table.header().get(unix >= 0 ? unix : date));
		columns.put("from", table.header().get(from));
		columns.put("to", table.header().get(to));
		columns.put("amount", table.header().get(amount));
		columns.put("asset", table.header().get(symbol >= 0 ? symbol : contract));
		columns.put("index", table.header().get(hash));
		columns.put("chain", table.header().get(hash));
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<Map<String, Object>> skipped = new ArrayList<>();
		Map<String, Integer> nextIndex = new HashMap<>();
		for (CsvTable.Row row : table.rows()) {
			List<String> f = row.fields();
			String contractText = contract >= 0 ? f.get(contract) : "";
			String symbolText = symbol >= 0 ? f.get(symbol) : "";
			Optional<String> asset = contractText.isEmpty() ? Optional.of(symbolText.toUpperCase(Locale.ROOT))
					.filter(s -> Assets.decimals(chain, s).isPresent()) : TokenContracts.asset(chain, contractText);
			if (asset.isEmpty()) {
				skipped.add(Map.of("line", row.line(), "reason", contractText.isEmpty()
						? "token " + symbolText + " is not traced on " + chain
						: "token contract " + contractText + " (" + symbolText + ") is not one tipx traces on " + chain));
				continue;
			}
			String tx = f.get(hash);
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("chain", chain);
			map.put("tx", tx);
			map.put("index", nextIndex.merge(tx, 1, Integer::sum) - 1);
			map.put("time", time(unix >= 0 && !f.get(unix).isEmpty() ? f.get(unix) : date >= 0 ? f.get(date) : ""));
			map.put("from", f.get(from));
			map.put("to", f.get(to));
			map.put("asset", asset.get());
			map.put("amount", amount(f.get(amount), symbolText));
			rows.add(map);
			lines.add(row.line());
		}
		return new Read(format, checked(rows, lines, columns), skipped);
	}

	/** Unix milliseconds (13 digits) as seconds; the rest as written. */
	private static String time(String text) {
		return text.matches("\\d{13}") ? text.substring(0, 10) : text;
	}

	/** 1,000.5 and 1000.5 USDT as explorers show them become 1000.5; anything else is left as it is. */
	static String amount(String text, String symbol) {
		String value = text;
		if (!symbol.isEmpty() && value.toUpperCase(Locale.ROOT).endsWith(" " + symbol.toUpperCase(Locale.ROOT))) {
			value = value.substring(0, value.length() - symbol.length()).trim();
		}
		if (value.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
			value = value.replace(",", "");
		}
		return value;
	}

	private static List<Transfer> checked(List<Map<String, Object>> rows, List<Integer> lines,
			Map<String, String> columns) {
		try {
			return TransferRows.check(rows);
		}
		catch (InvalidInputException e) {
			List<FieldError> named = new ArrayList<>();
			for (FieldError error : e.errors()) {
				named.add(new FieldError(lineField(error.field(), lines, columns), error.message()));
			}
			throw new InvalidInputException(named);
		}
	}

	/** {@code transfers[3].amount} to {@code line[5].TokenValue}. */
	static String lineField(String field, List<Integer> lines, Map<String, String> columns) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("transfers\\[(\\d+)]\\.(\\w+)").matcher(field);
		if (!m.matches()) {
			return field;
		}
		int row = Integer.parseInt(m.group(1));
		return "line[" + lines.get(row) + "]." + columns.getOrDefault(m.group(2), m.group(2));
	}

	private static int required(CsvTable table, String... names) {
		int c = table.column(names);
		if (c < 0) {
			throw new InvalidInputException("file", "missing column " + names[0]);
		}
		return c;
	}
}
