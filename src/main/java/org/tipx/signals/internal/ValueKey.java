package org.tipx.signals.internal;

import org.tipx.signals.IndicatorType;

/**
 * A canonical value of a type: what links reports.
 */
public record ValueKey(IndicatorType type, String canonical) {
}
