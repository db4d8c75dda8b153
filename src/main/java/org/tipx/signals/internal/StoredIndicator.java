package org.tipx.signals.internal;

import java.util.UUID;

import org.tipx.signals.IndicatorType;

/**
 * An indicator row: as given ({@code derivedFrom} null) or implied by the indicator at {@code derivedFrom}.
 */
public record StoredIndicator(UUID reportId, int position, Integer derivedFrom, IndicatorType type, String rawValue,
		String platform, String chain, String canonical, boolean valid, String reason) {

	/** The key two reports must share to link. */
	public ValueKey key() {
		return new ValueKey(type, canonical);
	}
}
