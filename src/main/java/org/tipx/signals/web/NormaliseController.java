package org.tipx.signals.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.shared.Allowed;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;
import org.tipx.signals.correlation.Standing;
import org.tipx.signals.internal.ValueKey;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.internal.Viewers;

/**
 * Shows the canonical form of one value and how it was reached, and whether it would link (warning list, link cap),
 * without looking reports up. Nothing is stored or logged, so it is not audited.
 */
@RestController
@RequestMapping("/api/v1/signals/normalise")
@Tag(name = "signals")
class NormaliseController {

	private final Canonicalisers canonicalisers;

	private final Standing standing;

	private final Viewers viewers;

	NormaliseController(Canonicalisers canonicalisers, Standing standing, Viewers viewers) {
		this.canonicalisers = canonicalisers;
		this.standing = standing;
		this.viewers = viewers;
	}

	@GetMapping
	@Allowed.SignalReaders
	@Operation(summary = "The canonical form of a value, the steps that made it, and the identifiers it implies")
	Normalised normalise(@RequestParam(required = false) String type, @RequestParam(required = false) String value,
			@RequestParam(required = false) String country, @RequestParam(required = false) String platform,
			@RequestParam(required = false) String chain) {
		RawIndicator indicator = LookupController.parse("", type, value, country, platform, chain);
		Canonical canonical = canonicalisers.canonicalise(indicator);
		Viewer viewer = viewers.current();
		Standing.Of of = canonical.valid()
				? standing.of(viewer, new ValueKey(canonical.type(), canonical.canonical())) : Standing.Of.CLEAR;
		return new Normalised(indicator.type().wire(), value, canonical.canonical(), canonical.valid(), canonical.reason(),
				canonical.steps(), new TreeMap<>(canonical.details()), canonical.derived().stream().map(d -> {
					Standing.Of derived = standing.of(viewer, new ValueKey(d.type(), d.canonical()));
					return new DerivedJson(d.type().wire(), d.canonical(), derived.warningListed(),
							derived.warningReason(), derived.flagged(), derived.flagReason());
				}).toList(), of.warningListed(), of.warningReason(), of.flagged(), of.flagReason());
	}

	/**
	 * A value read, and whether it would link: {@code warningListed} with the list's note as {@code warningReason},
	 * {@code flagged} with a fixed {@code flagReason} that never counts reports.
	 */
	record Normalised(String type, String input, String canonical, boolean valid, String reason, List<String> steps,
			Map<String, String> details, List<DerivedJson> derived, boolean warningListed, String warningReason,
			boolean flagged, String flagReason) {
	}

	record DerivedJson(String type, String canonical, boolean warningListed, String warningReason, boolean flagged,
			String flagReason) {
	}
}
