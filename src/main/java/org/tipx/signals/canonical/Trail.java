package org.tipx.signals.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.signals.IndicatorType;

/**
 * What a canonicaliser did to one value, collected step by step and closed as a valid or an invalid {@link Canonical}.
 * Derived identifiers are kept only for valid values: an invalid value implies nothing.
 */
final class Trail {

	private final IndicatorType type;

	private final List<String> steps = new ArrayList<>();

	private final Map<String, String> details = new LinkedHashMap<>();

	private final Set<Canonical.Derived> derived = new LinkedHashSet<>();

	Trail(IndicatorType type) {
		this.type = type;
	}

	Trail step(String step) {
		steps.add(step);
		return this;
	}

	Trail detail(String key, String value) {
		if (value != null) {
			details.put(key, value);
		}
		return this;
	}

	Trail derive(IndicatorType derivedType, String canonical) {
		derived.add(new Canonical.Derived(derivedType, canonical));
		return this;
	}

	/** Takes over the steps of a value read on the way (a URL's host, a link's phone number). */
	Trail followed(Canonical inner) {
		steps.addAll(inner.steps());
		return this;
	}

	/** Takes over what a valid inner reading implies: its own canonical form as the given type, and its derived values. */
	Trail deriveFrom(Canonical inner) {
		if (inner.valid()) {
			derive(inner.type(), inner.canonical());
			inner.derived().forEach(d -> derive(d.type(), d.canonical()));
		}
		return this;
	}

	Canonical valid(String canonical) {
		derived.removeIf(d -> d.type() == type && d.canonical().equals(canonical));
		return new Canonical(type, canonical, true, null, steps, details, List.copyOf(derived));
	}

	Canonical invalid(String cleaned, String reason) {
		return new Canonical(type, cleaned, false, reason, steps, details, List.of());
	}
}
