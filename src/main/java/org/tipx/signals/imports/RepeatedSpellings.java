package org.tipx.signals.imports;

import java.util.concurrent.ConcurrentHashMap;

import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;

/**
 * The canonical forms of the spellings one import has already reduced, so that a value repeated across its reports
 * (a hotline, a shared wallet, the same phone written the same way) is reduced once. Answers exactly what
 * {@link Canonicalisers} answers: canonical forms depend only on the raw indicator (type, value, platform, chain,
 * country), and {@link Canonical} is immutable. Bounded: once {@value #MAX} spellings are held, new ones are reduced
 * without being kept. Safe for the import's worker threads to share.
 */
final class RepeatedSpellings {

	/** About 50-80 MB at most; the repeated spellings come early in such a file. */
	static final int MAX = 200_000;

	private final Canonicalisers canonicalisers;

	private final ConcurrentHashMap<RawIndicator, Canonical> known = new ConcurrentHashMap<>();

	private final int max;

	RepeatedSpellings(Canonicalisers canonicalisers) {
		this(canonicalisers, MAX);
	}

	RepeatedSpellings(Canonicalisers canonicalisers, int max) {
		this.canonicalisers = canonicalisers;
		this.max = max;
	}

	Canonical canonicalise(RawIndicator raw) {
		Canonical cached = known.get(raw);
		if (cached != null) {
			return cached;
		}
		Canonical reduced = canonicalisers.canonicalise(raw);
		if (known.size() < max) {
			known.putIfAbsent(raw, reduced);
		}
		return reduced;
	}

	int size() {
		return known.size();
	}
}
