package org.tipx.flows.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tipx.flows.Transfer;

/**
 * Stores checked transfers for an organisation, all or none: bank account numbers replaced by their tokens and
 * sealed first ({@link BankAccounts}), then every transfer not yet stored. Answers the counts a caller sees.
 */
@Service
public class TransferImport {

	private final FlowStore store;

	private final BankAccounts accounts;

	TransferImport(FlowStore store, BankAccounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	/** {@code received}, {@code imported} (new) and {@code alreadyPresent}. */
	@Transactional
	public Map<String, Object> store(UUID organisation, List<Transfer> transfers) {
		int added = store.store(organisation, accounts.protect(organisation, transfers));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("received", transfers.size());
		answer.put("imported", added);
		answer.put("alreadyPresent", transfers.size() - added);
		return answer;
	}

	/**
	 * A bank statement's lines, their accounts sealed and the transfers stored, in one transaction. The answer also
	 * names each line's transaction ({@code transactions: [{line, tx}]}): the name a trace takes as its seed.
	 */
	@Transactional
	public Map<String, Object> storeStatement(UUID organisation, List<org.tipx.flows.ingest.BankStatements.Line> lines) {
		List<Transfer> transfers = accounts.fromStatement(organisation, lines);
		Map<String, Object> answer = store(organisation, transfers);
		List<Map<String, Object>> names = new java.util.ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			names.add(Map.of("line", lines.get(i).line(), "tx", transfers.get(i).tx()));
		}
		answer.put("transactions", names);
		return answer;
	}
}
