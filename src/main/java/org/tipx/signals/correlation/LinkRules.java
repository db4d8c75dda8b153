package org.tipx.signals.correlation;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.ValueKey;

/**
 * Whether a canonical value may link reports at all: strong types only, never a warning-listed value, never a value
 * the automatic cap has flagged.
 */
@Component
public class LinkRules {

	private final WarningList warningList;

	private final ReportStore store;

	private final AtomicReference<Set<ValueKey>> flagged = new AtomicReference<>();

	LinkRules(WarningList warningList, ReportStore store) {
		this.warningList = warningList;
		this.store = store;
	}

	public boolean linkable(ValueKey key) {
		return linkableBeforeCap(key) && !flaggedByCap(key);
	}

	/** Strong and not warning-listed: whether the value links, leaving the automatic cap aside. */
	boolean linkableBeforeCap(ValueKey key) {
		return !key.type().weak() && warningList.match(key).isEmpty();
	}

	/** Whether the automatic cap flagged the value, counting every report, visible to a given caller or not. */
	boolean flaggedByCap(ValueKey key) {
		return flagged().contains(key);
	}

	public void flagged(ValueKey key, java.time.Instant at, String reason) {
		store.flag(key, at, reason);
		flagged.set(null);
	}

	private Set<ValueKey> flagged() {
		Set<ValueKey> current = flagged.get();
		if (current == null) {
			current = store.flaggedValues().stream()
					.map(f -> new ValueKey(org.tipx.signals.IndicatorType.fromWire(f.type()).orElseThrow(), f.canonical()))
					.collect(Collectors.toUnmodifiableSet());
			flagged.set(current);
		}
		return current;
	}
}
