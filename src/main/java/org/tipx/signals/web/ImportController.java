package org.tipx.signals.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tipx.shared.Allowed;
import org.tipx.signals.imports.ImportFormat;
import org.tipx.signals.imports.ImportRejected;
import org.tipx.signals.imports.ImportTooLarge;
import org.tipx.signals.imports.ImportView;
import org.tipx.signals.imports.Imports;
import org.tipx.signals.imports.Received;
import org.tipx.signals.imports.Receiving;
import org.tipx.signals.internal.Viewers;

/**
 * Bulk import of reports from a CSV or JSON Lines file sent as the raw request body, and the status of imports.
 */
@RestController
@RequestMapping("/api/v1/signals/imports")
@Tag(name = "signals")
class ImportController {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Receiving receiving;

	private final Imports imports;

	private final Viewers viewers;

	ImportController(Receiving receiving, Imports imports, Viewers viewers) {
		this.receiving = receiving;
		this.imports = imports;
		this.viewers = viewers;
	}

	@PostMapping(consumes = { "text/csv", "application/x-ndjson" })
	@Allowed.SignalWriters
	@Operation(summary = "Import many reports from one file; one row per indicator, rows grouped by report_key",
			description = "The body is read as a stream and checked whole: any bad row rejects the file (400, every "
					+ "bad row named), nothing is filed. A clean file answers 202 and is filed in the background in "
					+ "one transaction; follow Location for progress. A repeated Idempotency-Key with the same file "
					+ "answers the earlier import (200); with a different file, 409.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson") }))
	ResponseEntity<ImportView> upload(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			HttpServletRequest request) throws IOException {
		MediaType contentType = MediaType.parseMediaType(request.getContentType());
		Charset charset = contentType.getCharset();
		if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
			throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Import files must be UTF-8, not " + charset.name());
		}
		ImportFormat format = ImportFormat.of(contentType).orElseThrow();
		Received received = receiving.receive(viewers.current(), format, idempotencyKey,
				request.getContentLengthLong(), request.getInputStream());
		URI location = URI.create("/api/v1/signals/imports/" + received.view().id());
		if (received.replayed()) {
			return ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(received.view());
		}
		return ResponseEntity.accepted().location(location).body(received.view());
	}

	@GetMapping
	@Allowed.SignalReaders
	@Operation(summary = "The caller's organisation's imports, newest first")
	List<ImportView> mine(@RequestParam(defaultValue = "50") int limit) {
		return imports.ofOrganisation(viewers.current(), Math.max(1, Math.min(limit, 500)));
	}

	@GetMapping("/{id}")
	@Allowed.SignalReaders
	@Operation(summary = "An import's state and progress, and its bad rows if it was rejected")
	ImportView status(@PathVariable UUID id) {
		return imports.find(viewers.current(), id);
	}

	@ExceptionHandler(ImportRejected.class)
	ResponseEntity<ProblemDetail> rejected(ImportRejected e) {
		ImportView view = e.view();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, view.detail());
		problem.setTitle("Import rejected");
		problem.setInstance(URI.create("/api/v1/signals/imports/" + view.id()));
		problem.setProperty("importId", view.id());
		problem.setProperty("errorsTotal", view.errorsTotal());
		problem.setProperty("errors", view.errors().stream().map(error -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("field", error.field());
			entry.put("message", error.message());
			entry.put("row", error.row());
			if (error.code() != null) {
				entry.put("code", error.code());
			}
			if (error.given() != null) {
				entry.put("given", error.given());
			}
			return entry;
		}).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(ImportTooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage()
				+ "; nothing was imported. Split the file, or ask the operator to raise TIPX_SIGNALS_IMPORT_MAX_SIZE.");
		problem.setTitle("File too large");
		problem.setProperty("limitBytes", e.limit().toBytes());
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
	}
}
