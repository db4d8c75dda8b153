package org.tipx.signals.imports;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The bad rows of an import: every one counted, the first {@code limit} by row number kept to show.
 */
final class RowErrors {

	private static final Comparator<Entry> ORDER = Comparator
			.comparing((Entry e) -> e.error().row(), Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparingLong(Entry::seq);

	private final TreeSet<Entry> kept = new TreeSet<>(ORDER);

	private final int limit;

	private long total;

	RowErrors(int limit) {
		this.limit = limit;
	}

	void add(RowError error) {
		kept.add(new Entry(error, total++));
		if (kept.size() > limit) {
			kept.pollLast();
		}
	}

	boolean isEmpty() {
		return total == 0;
	}

	long total() {
		return total;
	}

	List<RowError> kept() {
		return kept.stream().map(Entry::error).toList();
	}

	private record Entry(RowError error, long seq) {
	}
}
