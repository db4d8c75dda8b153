package org.tipx.signals.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.Tlp;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.stix.StixBundles;
import org.tipx.signals.stix.StixExport;
import org.tipx.signals.stix.StixImport;
import org.tipx.signals.stix.StixImported;
import org.tipx.signals.stix.TlpMarkings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * STIX 2.1 out and in (ADR 0031): a report or a network as a bundle, exactly as the caller may see it; a bundle from
 * MISP, OpenCTI or another tipx filed as reports.
 */
@RestController
@Tag(name = "signals")
class StixController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StixExport export;

	private final StixImport imports;

	private final Viewers viewers;

	private final long limit;

	StixController(StixExport export, StixImport imports, Viewers viewers,
			@Value("${tipx.api.max-json-size:1MB}") DataSize limit) {
		this.export = export;
		this.imports = imports;
		this.viewers = viewers;
		this.limit = limit.toBytes();
	}

	@GetMapping("/api/v1/signals/reports/{id}/stix")
	@Allowed.SignalReaders
	@Operation(summary = "The report as a STIX 2.1 bundle, as the caller may see it")
	ResponseEntity<byte[]> report(@PathVariable UUID id) {
		return bundle(export.report(viewers.current(), id), "report-" + id);
	}

	@GetMapping("/api/v1/signals/networks/{id}/stix")
	@Allowed.SignalReaders
	@Operation(summary = "The network (id as the report's network answer gives it) as a STIX 2.1 bundle, as the"
			+ " caller may see it")
	ResponseEntity<byte[]> network(@PathVariable UUID id) {
		return bundle(export.network(viewers.current(), id), "network-" + id);
	}

	@PostMapping("/api/v1/signals/stix")
	@Allowed.SignalWriters
	@Operation(summary = "File a STIX 2.1 bundle as reports; lists what was filed and what was ignored")
	StixImported file(HttpServletRequest request, @RequestParam(required = false) String defaultTlp)
			throws IOException {
		Tlp fallback = null;
		if (defaultTlp != null && !defaultTlp.isBlank()) {
			fallback = TlpMarkings.ofWord(defaultTlp.replace('_', '+')).orElseThrow(() -> new InvalidInputException(
					"defaultTlp", "must be one of " + Tlp.names()));
		}
		return imports.file(viewers.current(), body(request.getInputStream()), fallback);
	}

	private byte[] body(InputStream in) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (body.length > limit) {
			throw new ResponseStatusException(HttpStatus.valueOf(413),
					"A STIX bundle may be at most " + limit + " bytes");
		}
		return body;
	}

	private static ResponseEntity<byte[]> bundle(Map<String, Object> bundle, String name) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, StixBundles.MEDIA_TYPE)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".stix.json\"")
				.body(JSON.writeValueAsBytes(bundle));
	}
}
