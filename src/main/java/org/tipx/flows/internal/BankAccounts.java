package org.tipx.flows.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.flows.Transfer;
import org.tipx.flows.ingest.BankStatements;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.protection.SearchTokens;

/**
 * Bank account numbers in the flow graph: a transfer on chain {@code bank} runs between keyed tokens
 * ({@code acct-} + an HMAC of the normalised account number under the installation's search key), so the same account
 * is one node across statements and imports while its number is stored only sealed, beside the holder's name when a
 * statement gives it. A trace opens the numbers of the accounts it reached for the caller, who is a tracer of the
 * organisation that imported them (transfers are never shared), and audits that it did.
 */
@Service
public class BankAccounts {

	static final SealedColumn ACCOUNT = new SealedColumn("flows_bank_account", "id", "account",
			"flows_bank_account.account");

	static final SealedColumn HOLDER = new SealedColumn("flows_bank_account", "id", "holder", "flows_bank_account.holder");

	/** The prefix of an account's token in the graph. */
	public static final String PREFIX = "acct-";

	private static final String PURPOSE = "flows.bank-account";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final SearchTokens tokens;

	private final AuditTrail audit;

	BankAccounts(JdbcClient jdbc, FieldCipher cipher, SearchTokens tokens, AuditTrail audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.tokens = tokens;
		this.audit = audit;
	}

	/** The account's token; equal for every spelling of one number (ID12 3456 and id12-3456). */
	public String token(String account) {
		String normalised = BankStatements.normalise(account);
		return PREFIX + tokens.of(normalised, PURPOSE).get(0);
	}

	/**
	 * Statement lines as transfers between tokens, with the accounts sealed. A line's transaction is named by a token
	 * of its bank reference (or, without one, of its accounts, time, currency, amount and how many identical lines
	 * came before it in the file), so re-importing a statement finds the same transfers and no number shows in a name.
	 */
	@Transactional
	public List<Transfer> fromStatement(java.util.UUID organisation, List<BankStatements.Line> lines) {
		Map<String, String[]> accounts = new LinkedHashMap<>();
		Map<String, Integer> occurrences = new HashMap<>();
		List<Transfer> transfers = new ArrayList<>();
		for (BankStatements.Line line : lines) {
			String from = token(line.fromAccount());
			String to = token(line.toAccount());
			accounts.putIfAbsent(from, new String[] { line.fromAccount(), line.fromName() });
			accounts.putIfAbsent(to, new String[] { line.toAccount(), line.toName() });
			String reference = BankStatements.normalise(line.reference());
			String key = reference.isEmpty()
					? from + to + line.time().getEpochSecond() + line.currency() + "x" + line.amount()
					: "ref" + reference + from.substring(PREFIX.length());
			int occurrence = occurrences.merge(key, 1, Integer::sum);
			String tx = "bank-" + tokens.of((key + "n" + occurrence).replaceAll("[^A-Za-z0-9]", ""), "flows.bank-tx")
					.get(0);
			transfers.add(new Transfer("bank", tx, 0, line.time(), from, to, line.currency(), line.amount()));
		}
		remember(organisation, accounts);
		return transfers;
	}

	/** Transfers on chain {@code bank} given as plain rows: their account numbers replaced by tokens, and sealed. */
	@Transactional
	public List<Transfer> protect(UUID organisation, List<Transfer> transfers) {
		Map<String, String[]> accounts = new LinkedHashMap<>();
		List<Transfer> protectedTransfers = new ArrayList<>(transfers.size());
		for (Transfer t : transfers) {
			if (!t.chain().equals("bank")) {
				protectedTransfers.add(t);
				continue;
			}
			String from = tokenOf(t.from(), accounts);
			String to = tokenOf(t.to(), accounts);
			protectedTransfers.add(new Transfer(t.chain(), t.tx(), t.index(), t.time(), from, to, t.asset(), t.amount()));
		}
		remember(organisation, accounts);
		return protectedTransfers;
	}

	private String tokenOf(String address, Map<String, String[]> accounts) {
		if (address.matches(PREFIX + "[0-9a-f]{32}")) {
			return address;
		}
		String token = token(address);
		accounts.putIfAbsent(token, new String[] { BankStatements.normalise(address), "" });
		return token;
	}

	private void remember(UUID organisation, Map<String, String[]> accounts) {
		int added = 0;
		for (Map.Entry<String, String[]> account : accounts.entrySet()) {
			String holder = account.getValue()[1] == null ? "" : account.getValue()[1].trim();
			var known = jdbc.sql("SELECT id, holder FROM flows_bank_account WHERE organisation_id = ? AND token = ?")
					.params(organisation, account.getKey())
					.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2) }).optional();
			if (known.isEmpty()) {
				UUID id = UUID.randomUUID();
				jdbc.sql("INSERT INTO flows_bank_account (id, organisation_id, token, account, holder) VALUES (?, ?, ?, ?, ?)")
						.params(id, organisation, account.getKey(), cipher.seal(account.getValue()[0], ACCOUNT.context(id)),
								holder.isEmpty() ? null : cipher.seal(holder, HOLDER.context(id)))
						.update();
				added++;
			}
			else if (!holder.isEmpty() && known.get()[1] == null) {
				UUID id = (UUID) known.get()[0];
				jdbc.sql("UPDATE flows_bank_account SET holder = ? WHERE id = ?")
						.params(cipher.seal(holder, HOLDER.context(id)), id).update();
			}
		}
		if (!accounts.isEmpty()) {
			audit.record(AuditRecord.success("flows.bank-accounts.write", "organisation", organisation)
					.withDetail(accounts.size() + " accounts in the import, " + added + " new"));
		}
	}

	/**
	 * The numbers (and holders' names, when known) behind the given tokens, for the importing organisation's tracer
	 * who ran trace {@code traceId}; the opening is audited against that trace.
	 */
	public Map<String, Map<String, String>> open(UUID organisation, Collection<String> tokensSeen, UUID traceId) {
		Map<String, Map<String, String>> opened = new TreeMap<>();
		for (String token : tokensSeen) {
			jdbc.sql("SELECT id, account, holder FROM flows_bank_account WHERE organisation_id = ? AND token = ?")
					.params(organisation, token).query(rs -> {
						UUID id = rs.getObject(1, UUID.class);
						Map<String, String> account = new LinkedHashMap<>();
						account.put("account", cipher.open(rs.getString(2), ACCOUNT.context(id)));
						if (rs.getString(3) != null) {
							account.put("holder", cipher.open(rs.getString(3), HOLDER.context(id)));
						}
						opened.put(token, account);
					});
		}
		if (!opened.isEmpty()) {
			audit.record(AuditRecord.success("flows.bank-accounts.read", "flow_trace", traceId)
					.withDetail(opened.size() + " bank accounts shown in the trace"));
		}
		return opened;
	}

	/** The sealed columns, declared so that a key rotation re-seals them. */
	@Configuration(proxyBeanMethods = false)
	static class Columns {

		@Bean
		SealedColumn flowsBankAccount() {
			return ACCOUNT;
		}

		@Bean
		SealedColumn flowsBankHolder() {
			return HOLDER;
		}
	}
}
