package org.tipx.signals.correlation;

import org.springframework.stereotype.Component;
import org.tipx.signals.internal.ValueKey;

/**
 * Why a canonical value does not link, as any reader may be told: it is on the warning list (with the list's note),
 * or the automatic cap flagged it for review. Both are properties of the value, the same for every viewer; the cap's
 * own reason is not given out, because it counts reports the viewer may not be entitled to know of.
 */
@Component
public class Standing {

	/** What is said of a flagged value, whoever asks: no counts of reports. */
	public static final String FLAGGED_REASON = "held by too many reports: under review";

	private final WarningList warningList;

	private final LinkRules rules;

	Standing(WarningList warningList, LinkRules rules) {
		this.warningList = warningList;
		this.rules = rules;
	}

	public Of of(ValueKey key) {
		String note = warningList.match(key).map(WarningList.Entry::note).orElse(null);
		return new Of(note != null, note, rules.flaggedByCap(key));
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
