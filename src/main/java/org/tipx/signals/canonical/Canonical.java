package org.tipx.signals.canonical;

import java.util.List;
import java.util.Map;

import org.tipx.signals.IndicatorType;

/**
 * The canonical form of one identifier and how it was reached.
 *
 * @param type      the indicator type
 * @param canonical the canonical form; for an invalid value, the cleaned-up input (stored, shown, never linked)
 * @param valid     whether the value parsed; only valid values link
 * @param reason    why the value is invalid; null when valid
 * @param steps     what was done to the input, in order, in words an analyst understands
 * @param details   facts found on the way, e.g. {@code numberType=MOBILE}, {@code chain=tron}
 * @param derived   further identifiers the value implies (a URL's host and registrable domain, a wa.me number)
 */
public record Canonical(IndicatorType type, String canonical, boolean valid, String reason, List<String> steps,
		Map<String, String> details, List<Derived> derived) {

	public Canonical {
		steps = List.copyOf(steps);
		details = Map.copyOf(details);
		derived = List.copyOf(derived);
	}

	/** An identifier implied by another. */
	public record Derived(IndicatorType type, String canonical) {
	}
}
