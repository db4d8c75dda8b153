package org.tipx.signals.correlation;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;

/**
 * Why a canonical value does not link, as a viewer may be told: it is on the warning list (with the list's note), or
 * the automatic cap flagged it for review and the flag is in effect for this viewer. Following ADR 0015, a flag is in
 * effect for a viewer only when the viewer itself sees more active reports holding the value than the cap; for anyone
 * else the value still links, and saying it is flagged would tell them that reports they may not see hold it. The
 * cap's own reason, which counts every holder, is never given out: a fixed text says why.
 */
@Component
public class Standing {

	/** What is said of a flagged value, whoever asks: no counts of reports. */
	public static final String FLAGGED_REASON = "held by too many reports: under review";

	private final WarningList warningList;

	private final LinkRules rules;

	private final ReportStore store;

	private final SignalsSettings settings;

	private final Clock clock;

	Standing(WarningList warningList, LinkRules rules, ReportStore store, SignalsSettings settings, Clock clock) {
		this.warningList = warningList;
		this.rules = rules;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	public Of of(Viewer viewer, ValueKey key) {
		String note = warningList.match(key).map(WarningList.Entry::note).orElse(null);
		return new Of(note != null, note, flaggedFor(viewer, key));
	}

	/** Whether the cap flagged the value and the viewer sees more active holders than the cap: then it does not link. */
	private boolean flaggedFor(Viewer viewer, ValueKey key) {
		if (!rules.flaggedByCap(key)) {
			return false;
		}
		Instant now = clock.instant();
		return store.holding(key).stream().filter(r -> r.activeAt(now) && viewer.sees(r, now))
				.limit(settings.linkCap() + 1L).count() > settings.linkCap();
	}

	/**
	 * A value's standing.
	 *
	 * @param warningListed whether the warning list holds the value (or, for a domain, a parent domain)
	 * @param warningReason the warning list's note, or null
	 * @param flagged       whether the automatic cap flagged the value
	 */
	public record Of(boolean warningListed, String warningReason, boolean flagged) {

		public static final Of CLEAR = new Of(false, null, false);

		public Of {
			if (warningListed != (warningReason != null)) {
				throw new IllegalArgumentException("a warning-listed value has a reason, and only it");
			}
		}

		/** The fixed reason given for a flagged value, or null. */
		public String flagReason() {
			return flagged ? FLAGGED_REASON : null;
		}
	}
}
