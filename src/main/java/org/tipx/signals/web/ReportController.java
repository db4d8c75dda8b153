package org.tipx.signals.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.shared.Allowed;
import org.tipx.signals.correlation.Curation;
import org.tipx.signals.filing.Filing;
import org.tipx.signals.filing.NewReport;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.reading.NetworkView;
import org.tipx.signals.reading.NetworkViews;
import org.tipx.signals.reading.ReportReading;
import org.tipx.signals.reading.ReportView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Filing, reading, retracting and expiring reports, and drawing their networks.
 */
@RestController
@RequestMapping("/api/v1/signals/reports")
@Tag(name = "signals")
class ReportController {

	private final Filing filing;

	private final ReportReading reading;

	private final NetworkViews networks;

	private final Curation curation;

	private final Viewers viewers;

	ReportController(Filing filing, ReportReading reading, NetworkViews networks, Curation curation, Viewers viewers) {
		this.filing = filing;
		this.reading = reading;
		this.networks = networks;
		this.curation = curation;
		this.viewers = viewers;
	}

	@PostMapping
	@Allowed.SignalWriters
	@Operation(summary = "File a report; each indicator comes back with its canonical form")
	ResponseEntity<ReportView> file(@RequestBody ReportJson request) {
		var viewer = viewers.current();
		var stored = filing.file(viewer, new NewReport(request.title(), request.description(), request.reporterCountry(),
				request.observedAt(), request.category(), request.tlp(), request.sharingGroupId(), request.recipients(),
				request.confidence(), request.indicators() == null ? null : request.indicators().stream()
						.map(i -> i == null ? null : new NewReport.NewIndicator(i.type(), i.value(), i.platform(), i.chain()))
						.toList()));
		return ResponseEntity.created(URI.create("/api/v1/signals/reports/" + stored.id()))
				.body(reading.read(viewer, stored.id()));
	}

	@GetMapping
	@Allowed.SignalReaders
	@Operation(summary = "The caller's organisation's reports, newest first; q searches titles and values")
	List<ReportView> mine(@RequestParam(required = false) String q, @RequestParam(defaultValue = "100") int limit) {
		return reading.ofOwnOrganisation(viewers.current(), q, Math.max(1, Math.min(limit, 500)));
	}

	@GetMapping("/{id}")
	@Allowed.SignalReaders
	ReportView read(@PathVariable UUID id) {
		return reading.read(viewers.current(), id);
	}

	@GetMapping("/{id}/network")
	@Allowed.SignalReaders
	@Operation(summary = "The report's network as the caller may see it, with the evidence of each link")
	NetworkView network(@PathVariable UUID id) {
		return networks.around(viewers.current(), id);
	}

	@PostMapping("/{id}/retract")
	@Allowed.SignalWriters
	@Operation(summary = "Void a report with a reason; it stays on record and stops linking")
	ReportView retract(@PathVariable UUID id, @RequestBody Reason request) {
		var viewer = viewers.current();
		curation.retract(viewer, id, request.reason());
		return reading.read(viewer, id);
	}

	@PutMapping("/{id}/expiry")
	@Allowed.SignalWriters
	@Operation(summary = "Set or clear the time after which the report stops linking and sharing")
	ReportView expiry(@PathVariable UUID id, @RequestBody Expiry request) {
		var viewer = viewers.current();
		curation.expire(viewer, id, request.expiresAt());
		return reading.read(viewer, id);
	}

	record ReportJson(String title, String description, String reporterCountry, Instant observedAt, String category,
			String tlp, UUID sharingGroupId, List<UUID> recipients, Integer confidence, List<IndicatorJson> indicators) {
	}

	record IndicatorJson(String type, String value, String platform, String chain) {
	}

	record Reason(String reason) {
	}

	record Expiry(Instant expiresAt) {
	}
}
