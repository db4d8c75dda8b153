package org.tipx.flows.ingest;

import org.tipx.shared.InvalidInputException;

/**
 * The kinds of CSV {@code POST /api/v1/flows/transfers} accepts, told apart by the header row alone (ADR 0027).
 */
public enum CsvFormat {

	/** tipx's own {@code chain,tx,index,time,from,to,asset,amount}. */
	GENERIC,
	/** Etherscan's “Download CSV Export” of ERC-20 token transfers (also BscScan and PolygonScan, same layout). */
	ETHERSCAN,
	/** Tronscan's export of TRC-20/TRX transfers. */
	TRONSCAN,
	/** A victim's bank statement: date, from account, to account, amount, currency. */
	BANK_STATEMENT;

	static final String[] HASH = { "Txhash", "Transaction Hash", "Transaction ID", "TxID", "Hash", "tx_hash" };

	static final String[] AMOUNT = { "TokenValue", "Amount", "Quantity", "Value", "amount_str" };

	static final String[] FROM = { "From", "From Address", "from_address" };

	static final String[] TO = { "To", "To Address", "to_address" };

	static final String[] TOKEN = { "TokenSymbol", "Token Symbol", "Token", "Symbol", "token_name" };

	static final String[] FROM_ACCOUNT = { "From Account", "Debit Account", "Sender Account", "Account From" };

	static final String[] TO_ACCOUNT = { "To Account", "Credit Account", "Beneficiary Account", "Account To" };

	/** The format of a header; an unknown header is refused with what tipx reads. */
	public static CsvFormat of(CsvTable table) {
		if (table.column("chain") >= 0 && table.column("tx") >= 0) {
			return GENERIC;
		}
		if (table.column("currency") >= 0 && table.column(FROM_ACCOUNT) >= 0 && table.column(TO_ACCOUNT) >= 0) {
			return BANK_STATEMENT;
		}
		boolean transfers = table.column(HASH) >= 0 && table.column(FROM) >= 0 && table.column(TO) >= 0
				&& table.column(AMOUNT) >= 0;
		if (transfers && table.column("Txhash") >= 0 && table.column("UnixTimestamp", "Blockno") >= 0) {
			return ETHERSCAN;
		}
		if (transfers && table.column(TOKEN) >= 0) {
			return TRONSCAN;
		}
		throw new InvalidInputException("file", "header not recognised: tipx reads chain,tx,index,time,from,to,asset,amount; "
				+ "Etherscan and Tronscan token-transfer exports; bank statements with date,from account,to account,"
				+ "amount,currency");
	}
}
