package org.tipx.signals.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.signals.correlation.Curation;
import org.tipx.signals.correlation.WarningList;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.sightings.FalsePositiveReview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Cutting wrong links, the warning list of values that never link, and values for review (flagged by the automatic
 * cap, or judged false positives by several organisations).
 */
@RestController
@RequestMapping("/api/v1/signals")
@Tag(name = "signals")
class CurationController {

	private final Curation curation;

	private final WarningList warningList;

	private final ReportStore store;

	private final Viewers viewers;

	private final FalsePositiveReview falsePositives;

	CurationController(Curation curation, WarningList warningList, ReportStore store, Viewers viewers,
			FalsePositiveReview falsePositives) {
		this.falsePositives = falsePositives;
		this.curation = curation;
		this.warningList = warningList;
		this.store = store;
		this.viewers = viewers;
	}

	@PostMapping("/links/cuts")
	@Allowed.LinkCurators
	@Operation(summary = "Cut the link a value makes between two reports, with a reason; the cut sticks. Only an"
			+ " organisation that filed one of the two, or an administrator, may")
	ResponseEntity<Curation.CutResult> cut(@RequestBody CutJson request, Authentication caller) {
		boolean administrator = caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
		Curation.CutResult result = curation.cut(viewers.current(), administrator, request.type(), request.canonical(),
				request.reports(), request.reason());
		return ResponseEntity.created(URI.create("/api/v1/signals/links/cuts/" + result.id())).body(result);
	}

	@GetMapping("/warning-list")
	@Allowed.SignalReadersAndAdmin
	List<WarningList.Entry> warningList() {
		return warningList.all();
	}

	@PostMapping("/warning-list")
	@Allowed.Admin
	ResponseEntity<WarningList.Entry> addWarning(@RequestBody WarningJson request) {
		String actor = Actor.current().map(Actor::name).orElse("unknown");
		return ResponseEntity.status(201).body(curation.addWarning(actor, request.type(), request.value(), request.note()));
	}

	@DeleteMapping("/warning-list")
	@Allowed.Admin
	ResponseEntity<Void> removeWarning(@RequestParam String type, @RequestParam String value) {
		curation.removeWarning(type, value);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/flagged-values")
	@Allowed.Admin
	@Operation(summary = "Values for review: those the automatic cap stopped from linking, and those several other"
			+ " organisations judged false positives (which still link)")
	List<ReportStore.FlaggedValue> flagged() {
		List<ReportStore.FlaggedValue> all = new ArrayList<>(store.flaggedValues());
		all.addAll(falsePositives.values());
		all.sort(Comparator.comparing(ReportStore.FlaggedValue::flaggedAt).reversed());
		return all;
	}

	record CutJson(String type, String canonical, List<UUID> reports, String reason) {
	}

	record WarningJson(String type, String value, String note) {
	}
}
