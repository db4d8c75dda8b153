package org.tipx.signals.reading;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.internal.Viewers;

/**
 * The canonical forms a search box's text reads as, so that a value typed loosely finds the report that stores it
 * canonical: a local phone number read in the searcher's organisation's country, a URL without its tracking, a
 * handle on every platform it may belong to, a wallet whatever its letter case. Weak types (names) are searched as
 * typed only.
 */
@Component
class SearchTerms {

	private final Canonicalisers canonicalisers;

	private final Viewers viewers;

	SearchTerms(Canonicalisers canonicalisers, Viewers viewers) {
		this.canonicalisers = canonicalisers;
		this.viewers = viewers;
	}

	List<String> of(Viewer viewer, String search) {
		CountryCode country = viewers.countryOf(viewer).orElse(null);
		Set<String> terms = new LinkedHashSet<>();
		for (IndicatorType type : IndicatorType.values()) {
			if (type.weak()) {
				continue;
			}
			Canonical read = canonicalisers.canonicalise(new RawIndicator(type, search, null, null, country));
			if (read.valid()) {
				terms.add(read.canonical());
			}
			else if (type == IndicatorType.MESSAGING_HANDLE) {
				// "@golden_jobs" does not say its platform: try each.
				for (Platform platform : Platform.values()) {
					Canonical handle = canonicalisers.canonicalise(new RawIndicator(type, search, platform, null, country));
					if (handle.valid()) {
						terms.add(handle.canonical());
					}
				}
			}
		}
		return List.copyOf(terms);
	}
}
