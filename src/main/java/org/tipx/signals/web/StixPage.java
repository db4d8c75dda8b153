package org.tipx.signals.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Tlp;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.stix.StixBundles;
import org.tipx.signals.stix.StixExport;
import org.tipx.signals.stix.StixImport;
import org.tipx.signals.stix.StixImported;

/**
 * STIX on the pages: the report page's "Export STIX" links download the same bundles as
 * {@code GET /api/v1/signals/reports/{id}/stix} and {@code /networks/{id}/stix} (the API takes bearer tokens only), and
 * the imports page's STIX form files a bundle as {@code POST /api/v1/signals/stix} does, showing what was filed and
 * what was ignored.
 */
@Controller
class StixPage {

	/** A bundle uploaded through the page may be as large as the API accepts. */
	private static final long LIMIT = 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StixExport export;

	private final StixImport imports;

	private final Viewers viewers;

	StixPage(StixExport export, StixImport imports, Viewers viewers) {
		this.export = export;
		this.imports = imports;
		this.viewers = viewers;
	}

	@GetMapping("/signals/reports/{id}/stix")
	@Allowed.SignalReaders
	ResponseEntity<byte[]> report(@PathVariable UUID id) {
		return download(JSON.writeValueAsBytes(export.report(viewers.current(), id)), "report-" + id);
	}

	@GetMapping("/signals/networks/{id}/stix")
	@Allowed.SignalReaders
	ResponseEntity<byte[]> network(@PathVariable UUID id) {
		return download(JSON.writeValueAsBytes(export.network(viewers.current(), id)), "network-" + id);
	}

	@PostMapping("/signals/imports/stix")
	@Allowed.SignalWriters
	String file(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String defaultTlp,
			Model model, HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", "stix.import.file.required");
			return "signals/stix-import";
		}
		if (file.getSize() > LIMIT) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			model.addAttribute("problem", "stix.import.file.tooLarge");
			return "signals/stix-import";
		}
		Tlp fallback = defaultTlp != null && Tlp.names().contains(defaultTlp) ? Tlp.valueOf(defaultTlp) : null;
		try {
			StixImported imported = imports.file(viewers.current(), file.getBytes(), fallback);
			model.addAttribute("imported", imported);
		}
		catch (InvalidInputException refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", "stix.import.refused");
			model.addAttribute("errors", refused.errors());
		}
		return "signals/stix-import";
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private static ResponseEntity<byte[]> download(byte[] bundle, String name) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, StixBundles.MEDIA_TYPE)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".stix.json\"").body(bundle);
	}

}
