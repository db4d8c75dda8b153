package org.tipx.signals.canonical;

import org.tipx.signals.IndicatorType;

/**
 * Reduces one indicator type to its canonical form. One implementation per type, chosen by {@link #type()}.
 * Implementations are thread-safe and never throw for bad values: they answer {@code valid=false} with a reason.
 */
public interface Canonicaliser {

	IndicatorType type();

	Canonical canonicalise(RawIndicator indicator);
}
