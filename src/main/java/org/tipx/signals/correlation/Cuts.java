package org.tipx.signals.correlation;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.ValueKey;

/**
 * Links that analysts have cut: a value no longer links two particular reports, whatever arrives later.
 */
@Repository
public class Cuts {

	private final JdbcClient jdbc;

	Cuts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID add(ValueKey key, UUID a, UUID b, String reason, UUID by, Instant at) {
		Pair pair = Pair.of(a, b);
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO signals_cut (id, type, canonical, report_a, report_b, reason, created_by, created_at)"
				+ " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")
				.params(id, key.type().wire(), key.canonical(), pair.a(), pair.b(), reason, by, ReportStore.utc(at))
				.update();
		return id;
	}

	/** The cuts among a set of reports, as (value, pair) keys. */
	Set<CutKey> among(Collection<UUID> reports) {
		UUID[] ids = reports.toArray(UUID[]::new);
		return new HashSet<>(jdbc.sql("SELECT type, canonical, report_a, report_b FROM signals_cut"
				+ " WHERE report_a = ANY(?) AND report_b = ANY(?)").params(ids, ids)
				.query((rs, n) -> new CutKey(rs.getString(1), rs.getString(2),
						new Pair(rs.getObject(3, UUID.class), rs.getObject(4, UUID.class))))
				.list());
	}

	/** An unordered pair of reports. */
	public record Pair(UUID a, UUID b) {

		public static Pair of(UUID x, UUID y) {
			// PostgreSQL orders uuids by their bytes, as their hex text sorts; UUID.compareTo uses signed longs.
			return x.toString().compareTo(y.toString()) < 0 ? new Pair(x, y) : new Pair(y, x);
		}
	}

	/** A cut link: this value between this pair. */
	public record CutKey(String type, String canonical, Pair pair) {
	}
}
