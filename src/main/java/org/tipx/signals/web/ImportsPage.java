package org.tipx.signals.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.imports.FileName;
import org.tipx.signals.imports.ImportFormat;
import org.tipx.signals.imports.ImportRejected;
import org.tipx.signals.imports.ImportSettings;
import org.tipx.signals.imports.ImportState;
import org.tipx.signals.imports.ImportTooLarge;
import org.tipx.signals.imports.ImportView;
import org.tipx.signals.imports.Imports;
import org.tipx.signals.imports.Received;
import org.tipx.signals.imports.Receiving;
import org.tipx.signals.internal.Viewers;

/**
 * Bulk import in the browser: upload a CSV or JSON Lines file, then follow its progress and read its row report. The
 * same service as {@code POST /api/v1/signals/imports}. Every rendering of the upload form carries a fresh
 * Idempotency-Key, so submitting the same form twice imports the file once.
 */
@Controller
@RequestMapping("/signals/imports")
class ImportsPage {

	private static final String LIST = "signals/imports";

	private static final String STATUS = "signals/import";

	private static final int SHOWN = 20;

	/** The columns of an import file, as the README documents them. */
	private static final List<FileColumn> COLUMNS = List.of(new FileColumn("report_key", true),
			new FileColumn("title", true), new FileColumn("description", false), new FileColumn("category", true),
			new FileColumn("tlp", true), new FileColumn("reporter_country", true), new FileColumn("observed_at", true),
			new FileColumn("confidence", false), new FileColumn("type", true), new FileColumn("value", true),
			new FileColumn("platform", false), new FileColumn("chain", false));

	private final Receiving receiving;

	private final Imports imports;

	private final Viewers viewers;

	private final DataSize uploadLimit;

	private final MessageSource messages;

	ImportsPage(Receiving receiving, Imports imports, Viewers viewers, ImportSettings settings,
			ObjectProvider<MultipartConfigElement> multipart, MessageSource messages) {
		this.messages = messages;
		this.receiving = receiving;
		this.imports = imports;
		this.viewers = viewers;
		long pageLimit = multipart.getIfAvailable() == null ? -1 : multipart.getIfAvailable().getMaxFileSize();
		this.uploadLimit = pageLimit > 0 && pageLimit < settings.maxSize().toBytes() ? DataSize.ofBytes(pageLimit)
				: settings.maxSize();
	}

	@GetMapping
	@Allowed.SignalReaders
	String list(Model model) {
		return show(model, null, null);
	}

	@PostMapping
	@Allowed.SignalWriters
	String upload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String idempotencyKey, HttpServletRequest request, Model model,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		if (request.getAttribute(UploadSizeGuard.TOO_LARGE) instanceof Long limit) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			return show(model, "signals.imports.file.tooLargeForPage", null);
		}
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(model, "signals.imports.file.required", null);
		}
		Optional<ImportFormat> format = formatOf(file);
		if (format.isEmpty()) {
			response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
			return show(model, "signals.imports.file.format", null);
		}
		Received received;
		try (InputStream body = file.getInputStream()) {
			received = receiving.receive(viewers.current(), format.get(), blankToNull(idempotencyKey), file.getSize(),
					body, file.getOriginalFilename());
		}
		catch (ImportRejected rejected) {
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.imports.rejected"));
			return "redirect:/signals/imports/" + rejected.view().id();
		}
		catch (ImportTooLarge tooLarge) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			return show(model, "signals.imports.file.tooLarge", tooLarge.getMessage());
		}
		catch (ConflictException | InvalidInputException refused) {
			response.setStatus(refused instanceof ConflictException ? HttpStatus.CONFLICT.value()
					: HttpStatus.BAD_REQUEST.value());
			return show(model, "signals.imports.file.refused", refused.getMessage());
		}
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of(received.replayed() ? "signals.imports.replayed"
				: "signals.imports.received", FileName.of(file.getOriginalFilename()).map(FileName::value).orElse("")));
		return "redirect:/signals/imports/" + received.view().id();
	}

	/** The import's state; while it runs, the page asks again every second (htmx) and shows the progress. */
	@GetMapping("/{id}")
	@Allowed.SignalReaders
	String status(@PathVariable UUID id, Model model, Locale locale) {
		ImportView view = imports.find(viewers.current(), id);
		ImportErrorWords words = new ImportErrorWords(messages, locale);
		model.addAttribute("upload", view);
		model.addAttribute("reasons", view.errors() == null ? List.of()
				: view.errors().stream().map(e -> Optional.ofNullable(words.words(e))).toList());
		model.addAttribute("running", view.state() == ImportState.RECEIVED || view.state() == ImportState.IMPORTING);
		model.addAttribute("percent", view.reportsTotal() == 0 ? 0 : 100 * view.reportsFiled() / view.reportsTotal());
		return STATUS;
	}

	private String show(Model model, String problem, String detail) {
		model.addAttribute("imports", imports.ofOrganisation(viewers.current(), SHOWN));
		model.addAttribute("columns", COLUMNS);
		model.addAttribute("uploadLimit", describe(uploadLimit));
		model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
		model.addAttribute("problem", problem);
		model.addAttribute("problemDetail", detail);
		model.addAttribute("uploader", PageRoles.has("ANALYST") || PageRoles.has("FOCAL_POINT")
				|| PageRoles.has("MODERATOR") || PageRoles.has("INVESTIGATOR"));
		return LIST;
	}

	/** By the file name first (what the person chose), then by the type the browser gave. */
	private static Optional<ImportFormat> formatOf(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv")) {
			return Optional.of(ImportFormat.CSV);
		}
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
			return Optional.of(ImportFormat.NDJSON);
		}
		try {
			return file.getContentType() == null ? Optional.empty()
					: ImportFormat.of(MediaType.parseMediaType(file.getContentType()));
		}
		catch (IllegalArgumentException unreadable) {
			return Optional.empty();
		}
	}

	/** A size as people write it: 10 MB, 64 KB. */
	private static String describe(DataSize size) {
		return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** A column of an import file and whether every row must fill it. */
	record FileColumn(String name, boolean required) {
	}
}
