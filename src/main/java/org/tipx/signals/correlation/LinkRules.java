package org.tipx.signals.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.ValueKey;

/**
 * The linking rules, written once for every path that links reports (one-by-one filing in {@link Correlation}, the
 * graphs drawn in {@link LinkGraph}, bulk imports): whether a canonical value may link reports at all (strong types
 * only, never a warning-listed value, never a value the automatic cap has flagged), which values age out (phones and
 * handles, whose sightings link only within the age-out), and when a value is held by more reports than the cap.
 */
@Component
public class LinkRules {

	private final WarningList warningList;

	private final ReportStore store;

	private final AtomicReference<Set<ValueKey>> flagged = new AtomicReference<>();

	private final SignalsSettings settings;

	LinkRules(WarningList warningList, ReportStore store, SignalsSettings settings) {
		this.warningList = warningList;
		this.store = store;
		this.settings = settings;
	}

	/** Phones and handles get reassigned: their sightings link only when observed within the age-out. */
	public static boolean agesOut(ValueKey key) {
		return key.type() == IndicatorType.PHONE || key.type() == IndicatorType.MESSAGING_HANDLE;
	}

	/** Whether two sightings of a value that ages out are close enough in time to link. */
	public static boolean withinAgeOut(Instant a, Instant b, Duration ageOut) {
		return Duration.between(a, b).abs().compareTo(ageOut) <= 0;
	}

	/** {@link #withinAgeOut(Instant, Instant, Duration)} with the configured age-out. */
	public boolean withinAgeOut(Instant a, Instant b) {
		return withinAgeOut(a, b, settings.ageOut());
	}

	/** Whether this many holders of one value exceed the cap (then it links only if it bridges nothing). */
	public boolean overCap(int holders) {
		return holders > settings.linkCap();
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

	public void flagged(ValueKey key, Instant at, String reason) {
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
