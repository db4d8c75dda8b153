package org.tipx.flows.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.tipx.flows.Transfer;
import org.tipx.shared.ConflictException;

/**
 * The organisation's transfers in PostgreSQL; a transfer already stored is left as it is. Tags are kept by
 * {@link TagStore}.
 */
@Repository
public class FlowStore {

	private final JdbcClient jdbc;

	FlowStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the transfers not yet stored, all or none; returns how many were new. A transfer already stored under the
	 * same chain, transaction and index but moving other money or between other addresses is refused with a conflict
	 * rather than silently dropped (two exports numbering one transaction's rows differently).
	 */
	@Transactional
	public int store(UUID organisation, List<Transfer> transfers) {
		int added = 0;
		for (Transfer t : transfers) {
			int inserted = jdbc.sql("""
					INSERT INTO flows_transfer (organisation_id, chain, tx, idx, at, from_address, to_address, asset, amount)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
					.params(organisation, t.chain(), t.tx(), t.index(), Timestamp.from(t.time()), t.from(), t.to(),
							t.asset(), new java.math.BigDecimal(t.amount()))
					.update();
			if (inserted == 0 && !same(organisation, t)) {
				throw new ConflictException("transfers", "transaction " + t.tx() + " index " + t.index()
						+ " is already imported as another transfer; nothing from this upload was imported");
			}
			added += inserted;
		}
		return added;
	}

	private boolean same(UUID organisation, Transfer t) {
		return jdbc.sql("""
				SELECT count(*) FROM flows_transfer WHERE organisation_id = ? AND chain = ? AND tx = ? AND idx = ?
				AND at = ? AND from_address = ? AND to_address = ? AND asset = ? AND amount = ?""")
				.params(organisation, t.chain(), t.tx(), t.index(), Timestamp.from(t.time()), t.from(), t.to(), t.asset(),
						new java.math.BigDecimal(t.amount()))
				.query(Long.class).single() == 1;
	}

	public void load(UUID organisation, org.springframework.jdbc.core.RowCallbackHandler rows) {
		jdbc.sql("""
				SELECT chain, tx, idx, at, from_address, to_address, asset, amount FROM flows_transfer
				WHERE organisation_id = ? ORDER BY at, tx, idx""").param(organisation).query(rows);
	}

	/**
	 * The distinct on-chain addresses (chain, address) the organisation's transfers touch, at most {@code limit},
	 * optionally for one chain and address; bank accounts are not wallets and are left out.
	 */
	public List<String[]> walletAddresses(UUID organisation, String chain, String address, int limit) {
		return jdbc.sql("""
				SELECT DISTINCT chain, address FROM (
				  SELECT chain, from_address AS address FROM flows_transfer WHERE organisation_id = :o
				  UNION SELECT chain, to_address FROM flows_transfer WHERE organisation_id = :o) a
				WHERE chain <> 'bank' AND (CAST(:c AS text) IS NULL OR chain = :c)
				AND (CAST(:a AS text) IS NULL OR address = :a) ORDER BY chain, address LIMIT :l""")
				.param("o", organisation).param("c", chain).param("a", address).param("l", limit)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
	}

	/** One address tag as the tracer uses it. */
	public record Tag(String chain, String address, String tag, String name, String source) {
	}
}
