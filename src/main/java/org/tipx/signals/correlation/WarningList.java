package org.tipx.signals.correlation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.ValueKey;

/**
 * Values that never link: mass platforms, URL shorteners, token contracts, support numbers. A listed domain also
 * covers its subdomains. Kept in memory; edits reload it.
 */
@Component
public class WarningList {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Map<ValueKey, Entry>> entries = new AtomicReference<>();

	WarningList(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The entry that stops this value from linking, if any. */
	public Optional<Entry> match(ValueKey key) {
		Map<ValueKey, Entry> all = loaded();
		Entry exact = all.get(key);
		if (exact != null || key.type() != IndicatorType.DOMAIN) {
			return Optional.ofNullable(exact);
		}
		String host = key.canonical();
		for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
			Entry parent = all.get(new ValueKey(IndicatorType.DOMAIN, host.substring(dot + 1)));
			if (parent != null) {
				return Optional.of(parent);
			}
		}
		return Optional.empty();
	}

	public List<Entry> all() {
		return loaded().values().stream()
				.sorted(java.util.Comparator.comparing((Entry e) -> e.type().wire()).thenComparing(Entry::canonical))
				.toList();
	}

	void add(ValueKey key, String note, String by) {
		jdbc.sql("INSERT INTO signals_warning_entry (type, canonical, note, created_by, created_at) VALUES (?,?,?,?,?)"
				+ " ON CONFLICT (type, canonical) DO UPDATE SET note = excluded.note")
				.params(key.type().wire(), key.canonical(), note, by, ReportStore.utc(clock.instant())).update();
		entries.set(null);
	}

	boolean remove(ValueKey key) {
		int removed = jdbc.sql("DELETE FROM signals_warning_entry WHERE type = ? AND canonical = ?")
				.params(key.type().wire(), key.canonical()).update();
		entries.set(null);
		return removed > 0;
	}

	private Map<ValueKey, Entry> loaded() {
		Map<ValueKey, Entry> current = entries.get();
		if (current == null) {
			current = jdbc.sql("SELECT type, canonical, note, created_by, created_at FROM signals_warning_entry")
					.query((rs, n) -> new Entry(IndicatorType.fromWire(rs.getString(1)).orElseThrow(), rs.getString(2),
							rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
					.list().stream().collect(Collectors.toMap(e -> new ValueKey(e.type(), e.canonical()),
							Function.identity()));
			entries.set(current);
		}
		return current;
	}

	/** One listed value and why it is listed. */
	public record Entry(IndicatorType type, String canonical, String note, String createdBy, Instant createdAt) {
	}
}
