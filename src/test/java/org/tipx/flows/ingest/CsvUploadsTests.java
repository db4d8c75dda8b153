package org.tipx.flows.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tipx.flows.Transfer;
import org.tipx.shared.InvalidInputException;

/**
 * The CSV uploads of POST /api/v1/flows/transfers as users download them: Etherscan and Tronscan token-transfer
 * exports, bank statements and tipx's own columns, told apart by the header; exact amounts; errors naming line and
 * column.
 */
class CsvUploadsTests {

	static CsvTable fixture(String name) {
		try (InputStream in = CsvUploadsTests.class.getResourceAsStream("/flows/" + name)) {
			return CsvTable.read(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static CsvTable csv(String text) {
		return CsvTable.read(text.getBytes(StandardCharsets.UTF_8));
	}

	static List<String> fields(InvalidInputException e) {
		return e.errors().stream().map(error -> error.field() + ": " + error.message()).toList();
	}

	@Test
	void anEtherscanErc20ExportIsReadWithExactBaseUnitsAndRowOrderWithinAHash() {
		CsvTable table = fixture("etherscan-erc20.csv");
		assertThat(CsvFormat.of(table)).isEqualTo(CsvFormat.ETHERSCAN);

		ExplorerExports.Read read = ExplorerExports.read(table, CsvFormat.ETHERSCAN, null);

		assertThat(read.transfers()).extracting(Transfer::chain, Transfer::asset, Transfer::amount, Transfer::index)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("ethereum", "USDT", new BigInteger("1000500000"), 0),
						org.assertj.core.groups.Tuple.tuple("ethereum", "USDT", new BigInteger("600250000"), 0),
						org.assertj.core.groups.Tuple.tuple("ethereum", "USDC", BigInteger.ONE, 1));
		assertThat(read.transfers().get(0).time()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
		assertThat(read.transfers().get(0).from()).isEqualTo("0x72571d815dd31fbde52be0b9d7ffc8344aede616");
		assertThat(read.skipped()).singleElement().satisfies(s -> {
			assertThat(s.get("line")).isEqualTo(5);
			assertThat((String) s.get("reason")).contains("0x1111111111111111111111111111111111111111");
		});
	}

	@Test
	void aTronscanTrc20ExportIsReadOnTronWithUsdtAtSixDecimalsAndTrxBySymbol() {
		CsvTable table = fixture("tronscan-trc20.csv");
		assertThat(CsvFormat.of(table)).isEqualTo(CsvFormat.TRONSCAN);

		ExplorerExports.Read read = ExplorerExports.read(table, CsvFormat.TRONSCAN, null);

		assertThat(read.transfers()).extracting(Transfer::chain, Transfer::asset, Transfer::amount).containsExactly(
				org.assertj.core.groups.Tuple.tuple("tron", "USDT", new BigInteger("1000000000")),
				org.assertj.core.groups.Tuple.tuple("tron", "USDT", new BigInteger("999999999")),
				org.assertj.core.groups.Tuple.tuple("tron", "TRX", new BigInteger("100000")));
		assertThat(read.skipped()).isEmpty();
	}

	@Test
	void moreDecimalsThanTheTokenHasAreRefusedNamingTheLineAndTheExportsColumn() {
		String header = "\"Txhash\",\"Blockno\",\"UnixTimestamp\",\"DateTime (UTC)\",\"From\",\"To\",\"TokenValue\","
				+ "\"USDValueDayOfTx\",\"ContractAddress\",\"TokenName\",\"TokenSymbol\"\n";
		CsvTable table = csv(header + "\"0xabc\",\"1\",\"1714557600\",\"2024-05-01 10:00:00\","
				+ "\"0x72571d815dd31fbde52be0b9d7ffc8344aede616\",\"0x93765e121570c1cdbd875d4faba927c7f864565e\","
				+ "\"1.0000001\",\"$1\",\"0xdac17f958d2ee523a2206206994597c13d831ec7\",\"Tether USD\",\"USDT\"\n"
				+ "\"0xdef\",\"1\",\"1714557600\",\"2024-05-01 10:00:00\","
				+ "\"0x72571d815dd31fbde52be0b9d7ffc8344aede616\",\"0x93765e121570c1cdbd875d4faba927c7f864565e\","
				+ "\"-3\",\"$1\",\"0xdac17f958d2ee523a2206206994597c13d831ec7\",\"Tether USD\",\"USDT\"\n");

		assertThatThrownBy(() -> ExplorerExports.read(table, CsvFormat.of(table), null))
				.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(fields(e)).containsExactly(
						"line[2].TokenValue: more than 6 decimal places", "line[3].TokenValue: negative"));
	}

	@Test
	void tipxsOwnCsvStillImportsAndItsErrorsNameTheLine() {
		CsvTable table = fixture("generic.csv");
		assertThat(CsvFormat.of(table)).isEqualTo(CsvFormat.GENERIC);
		assertThat(ExplorerExports.read(table, CsvFormat.GENERIC, null).transfers()).singleElement()
				.satisfies(t -> assertThat(t.amount()).isEqualTo(BigInteger.valueOf(12_500_000)));

		CsvTable bad = csv("chain,tx,index,time,from,to,asset,amount\n"
				+ "tron,t1,0,2024-05-01T10:00:00Z,TNUC9Qb1rRpS5CbWLmNMxXBjyFoydXjWFR,TNMcQVGPzqH9ZfMCSY4PNrukevtDgp24dK,USDT,ten\n");
		assertThatThrownBy(() -> ExplorerExports.read(bad, CsvFormat.GENERIC, null))
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(fields(e)).containsExactly("line[2].amount: not a number"));
	}

	@Test
	void aBankStatementIsReadWithMinorUnitsAndNormalisedAccounts() {
		CsvTable table = fixture("bank-statement.csv");
		assertThat(CsvFormat.of(table)).isEqualTo(CsvFormat.BANK_STATEMENT);

		List<BankStatements.Line> lines = BankStatements.read(table);

		assertThat(lines).extracting(BankStatements.Line::fromAccount, BankStatements.Line::toAccount,
				BankStatements.Line::currency, BankStatements.Line::amount).containsExactly(
						org.assertj.core.groups.Tuple.tuple("ID1234567890 12".replace(" ", ""), "0987654321", "IDR",
								new BigInteger("1500000000")),
						org.assertj.core.groups.Tuple.tuple("0987654321", "6543210987", "IDR", new BigInteger("1400000000")));
		assertThat(lines.get(0).fromName()).isEqualTo("Siti Rahma");
		assertThat(lines.get(0).line()).isEqualTo(2);
	}

	@Test
	void aBankStatementLineWithANegativeAmountOrAnUnknownCurrencyIsRefusedNamingLineAndColumn() {
		CsvTable table = csv("Date,From Account,To Account,Amount,Currency\n"
				+ "2024-04-30,ID1234567890,0987654321,-100,IDR\n"
				+ "2024-04-30,ID1234567890,0987654321,100,XXX\n"
				+ "30/04/2024,ID1234567890,0987654321,100.555,USD\n");

		assertThatThrownBy(() -> BankStatements.read(table)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(fields(e)).containsExactly(
						"line[2].Amount: negative: a statement line moves money from one account to another",
						"line[3].Currency: a currency tipx traces: IDR, THB, PHP, MYR, USD, KHR, MMK, VND or LAK",
						"line[4].Date: an ISO 8601 time (2024-05-01T10:00:00Z), a date or Unix seconds",
						"line[4].Amount: more than 2 decimal places"));
	}

	@Test
	void bytesThatAreNotUtf8AreRefusedRatherThanAltered() {
		byte[] latin1 = "Date,From Account,To Account,Amount,Currency\n2024-04-30,Jos\u00e9,0987654321,1,IDR\n"
				.getBytes(StandardCharsets.ISO_8859_1);

		assertThatThrownBy(() -> CsvTable.read(latin1)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(fields(e)).singleElement().asString().startsWith("file: not UTF-8"));
	}

	@Test
	void malformedCsvIsRefusedNamingTheLine() {
		assertThatThrownBy(() -> csv("chain,tx\ntron,\"open\nbitcoin,x\n")).isInstanceOfSatisfying(
				InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("line[2]: a quote opened and never closed"));
		assertThatThrownBy(() -> csv("chain,tx\ntron,a,b\n")).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(fields(e)).containsExactly("line[2]: 3 fields where the header has 2"));
		assertThatThrownBy(() -> CsvFormat.of(csv("when,who\n1,2\n"))).isInstanceOfSatisfying(
				InvalidInputException.class, e -> assertThat(fields(e)).singleElement().asString()
						.startsWith("file: header not recognised"));
		assertThatThrownBy(() -> ExplorerExports.read(csv("chain,tx,time\ntron,a,b\n"), CsvFormat.GENERIC, null))
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(fields(e)).containsExactly("file: missing column index"));
	}

	@Test
	void aByteOrderMarkAndQuotedLineBreaksAreRead() {
		CsvTable table = CsvTable.read(("\uFEFFchain,tx\n\"tr\non\",\"a \"\"b\"\"\"\n\nx,y\n").getBytes(StandardCharsets.UTF_8));

		assertThat(table.header()).containsExactly("chain", "tx");
		assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 5);
		assertThat(table.rows().get(0).fields()).containsExactly("tr\non", "a \"b\"");
	}
}
