package org.tipx.signals.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.tipx.platform.Confirmation;
import org.tipx.shared.Allowed;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.signals.correlation.Curation;
import org.tipx.signals.imports.ImportView;
import org.tipx.signals.imports.Imports;
import org.tipx.signals.internal.Viewer;
import org.tipx.signals.internal.Viewers;
import org.tipx.signals.reading.ReportReading;
import org.tipx.signals.reading.ReportView;

/**
 * "My organisation's reports": the caller's organisation's reports, newest first, searched by title or value, each
 * retracted or given an expiry under the same rules as {@code POST /{id}/retract} and {@code PUT /{id}/expiry}.
 */
@Controller
@RequestMapping("/signals/reports")
class ReportsPage {

	static final int PAGE_SIZE = 20;

	private final ReportReading reading;

	private final Curation curation;

	private final Viewers viewers;

	private final Imports imports;

	ReportsPage(ReportReading reading, Curation curation, Viewers viewers, Imports imports) {
		this.imports = imports;
		this.reading = reading;
		this.curation = curation;
		this.viewers = viewers;
	}

	@GetMapping
	@Allowed.SignalReaders
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) UUID imported, Model model) {
		int shownPage = Math.max(0, page);
		Viewer viewer = viewers.current();
		if (imported != null) {
			return filedBy(viewer, imported, shownPage, model);
		}
		int wanted = (shownPage + 1) * PAGE_SIZE + 1;
		List<ReportView> found = reading.ofOwnOrganisation(viewer, q, wanted);
		int from = Math.min(found.size(), shownPage * PAGE_SIZE);
		int to = Math.min(found.size(), from + PAGE_SIZE);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("reports", found.subList(from, to));
		model.addAttribute("page", shownPage);
		model.addAttribute("here", link(q, shownPage));
		model.addAttribute("newer", shownPage > 0 ? link(q, shownPage - 1) : null);
		model.addAttribute("older", found.size() > to ? link(q, shownPage + 1) : null);
		return "signals/reports";
	}

	/** The reports one of the organisation's imports filed; another organisation's import is not found (404). */
	private String filedBy(Viewer viewer, UUID importId, int shownPage, Model model) {
		ImportView filer = imports.find(viewer, importId);
		List<ReportView> found = reading.ofImport(viewer, importId, (shownPage + 1) * PAGE_SIZE + 1);
		int from = Math.min(found.size(), shownPage * PAGE_SIZE);
		int to = Math.min(found.size(), from + PAGE_SIZE);
		Function<Integer, String> link = p -> UriComponentsBuilder.fromPath("/signals/reports")
				.queryParam("imported", importId).queryParamIfPresent("page", Optional.of(p).filter(n -> n > 0))
				.build().toUriString();
		model.addAttribute("q", "");
		model.addAttribute("imported", filer);
		model.addAttribute("reports", found.subList(from, to));
		model.addAttribute("page", shownPage);
		model.addAttribute("here", link.apply(shownPage));
		model.addAttribute("newer", shownPage > 0 ? link.apply(shownPage - 1) : null);
		model.addAttribute("older", found.size() > to ? link.apply(shownPage + 1) : null);
		return "signals/reports";
	}

	@PostMapping("/{id}/retract")
	@Allowed.SignalWriters
	String retract(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			curation.retract(viewers.current(), id, reason);
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.reports.retracted"));
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.reports.retract.reasonRequired"));
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.reports.retract.already"));
		}
		return "redirect:" + backTo(back);
	}

	@PostMapping("/{id}/expiry")
	@Allowed.SignalWriters
	String expiry(@PathVariable UUID id, @RequestParam(required = false) String expiresOn,
			@RequestParam(required = false) String clear, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		Instant expiresAt = null;
		if (clear == null) {
			try {
				expiresAt = LocalDate.parse(expiresOn == null ? "" : expiresOn.strip()).atStartOfDay(ZoneOffset.UTC)
						.toInstant();
			}
			catch (DateTimeParseException e) {
				redirect.addFlashAttribute(Confirmation.ATTRIBUTE, Confirmation.of("signals.reports.expiry.dateRequired"));
				return "redirect:" + backTo(back);
			}
		}
		curation.expire(viewers.current(), id, expiresAt);
		redirect.addFlashAttribute(Confirmation.ATTRIBUTE, expiresAt == null ? Confirmation.of("signals.reports.expiry.cleared")
				: Confirmation.of("signals.reports.expiry.set", expiresOn.strip()));
		return "redirect:" + backTo(back);
	}

	@ExceptionHandler(ForbiddenException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private static String link(String q, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/signals/reports");
		if (q != null && !q.isBlank()) {
			uri.queryParam("q", q);
		}
		if (page > 0) {
			uri.queryParam("page", page);
		}
		return uri.encode().build().toUriString();
	}

	/** Only a page of this application: the list (with its search) or a report page. */
	private static String backTo(String back) {
		if (back != null && back.startsWith("/signals/reports") && !back.startsWith("//") && !back.contains("\\")) {
			return back;
		}
		return "/signals/reports";
	}
}
