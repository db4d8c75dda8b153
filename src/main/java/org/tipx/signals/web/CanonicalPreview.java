package org.tipx.signals.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.correlation.Standing;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.internal.Viewers;

/**
 * What the report form shows beside an indicator while it is typed: the same canonicaliser as
 * {@code GET /api/v1/signals/normalise} and filing, so the preview is what will be stored. Nothing is stored.
 */
@Component
class CanonicalPreview {

	private final Canonicalisers canonicalisers;

	private final Standing standing;

	private final Viewers viewers;

	CanonicalPreview(Canonicalisers canonicalisers, Standing standing, Viewers viewers) {
		this.canonicalisers = canonicalisers;
		this.standing = standing;
		this.viewers = viewers;
	}

	Preview of(String type, String value, String platform, String chain, String country) {
		if (value == null || value.isBlank()) {
			return Preview.NOTHING;
		}
		RawIndicator indicator;
		try {
			indicator = LookupController.parse("", type, value, country, platform, chain);
		}
		catch (InvalidInputException refused) {
			return Preview.problem("signals.report.preview.problem." + refused.errors().get(0).field());
		}
		Canonical canonical = canonicalisers.canonicalise(indicator);
		if (indicator.type() == IndicatorType.MESSAGING_HANDLE && indicator.platform() == null
				&& !canonical.details().containsKey("platform")) {
			return Preview.problem("signals.report.preview.problem.platformUnknown");
		}
		Viewer viewer = viewers.current();
		Standing.Of of = canonical.valid()
				? standing.of(viewer, new ValueKey(indicator.type(), canonical.canonical())) : Standing.Of.CLEAR;
		return new Preview(true, canonical.canonical(), canonical.valid(), canonical.reason(), canonical.steps(),
				canonical.derived().stream().map(d -> {
					Standing.Of derived = standing.of(viewer, new ValueKey(d.type(), d.canonical()));
					return new DerivedPreview(d.type().wire() + " " + d.canonical(), derived.warningListed(),
							derived.warningReason(), derived.flagged());
				}).toList(), null, of.warningListed(), of.warningReason(), of.flagged());
	}

	/**
	 * One preview.
	 *
	 * @param shown   whether there is anything to show (a value was typed)
	 * @param problem message key of what keeps the value from being read at all (no type, unknown platform), or null
	 * @param flagged whether the automatic cap flagged the value: said as such, never with the cap's counts
	 */
	record Preview(boolean shown, String canonical, boolean valid, String reason, List<String> steps,
			List<DerivedPreview> derived, String problem, boolean warningListed, String warningReason, boolean flagged) {

		static final Preview NOTHING = new Preview(false, null, false, null, List.of(), List.of(), null, false, null,
				false);

		static Preview problem(String key) {
			return new Preview(true, null, false, null, List.of(), List.of(), key, false, null, false);
		}
	}

	/** An identifier the value implies ("domain t.me"), and its standing. */
	record DerivedPreview(String text, boolean warningListed, String warningReason, boolean flagged) {
	}
}
