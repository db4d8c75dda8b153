package org.tipx.signals.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;

/**
 * What the report form shows beside an indicator while it is typed: the same canonicaliser as
 * {@code GET /api/v1/signals/normalise} and filing, so the preview is what will be stored. Nothing is stored.
 */
@Component
class CanonicalPreview {

	private final Canonicalisers canonicalisers;

	CanonicalPreview(Canonicalisers canonicalisers) {
		this.canonicalisers = canonicalisers;
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
		return new Preview(true, canonical.canonical(), canonical.valid(), canonical.reason(), canonical.steps(),
				canonical.derived().stream().map(d -> d.type().wire() + " " + d.canonical()).toList(), null);
	}

	/**
	 * One preview.
	 *
	 * @param shown   whether there is anything to show (a value was typed)
	 * @param problem message key of what keeps the value from being read at all (no type, unknown platform), or null
	 */
	record Preview(boolean shown, String canonical, boolean valid, String reason, List<String> steps,
			List<String> derived, String problem) {

		static final Preview NOTHING = new Preview(false, null, false, null, List.of(), List.of(), null);

		static Preview problem(String key) {
			return new Preview(true, null, false, null, List.of(), List.of(), key);
		}
	}
}
