package org.tipx.cases.intake.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.tipx.cases.intake.ClientAddress;
import org.tipx.cases.intake.IntakeSettings;
import org.tipx.cases.intake.Intakes;
import org.tipx.cases.intake.ProofOfWork;
import org.tipx.cases.intake.PublicReport;
import org.tipx.cases.intake.RateLimits;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.RateLimitedException;

/**
 * The public report page, for people without an account: the person held, or a relative or friend, reports where
 * they are held, how to contact them safely and what happened, in one of nine languages, on a cheap phone. The
 * reporter gets a reference, and with it {@code /report/status} says only whether a focal point acknowledged the
 * report. Nothing here says anything about any other report.
 */
@Controller
@RequestMapping("/report")
@Allowed.Anyone
class PublicReportPage {

	private final Intakes intakes;

	private final ProofOfWork proof;

	private final RateLimits limits;

	private final IntakeSettings settings;

	private final PublicPage pages;

	PublicReportPage(Intakes intakes, ProofOfWork proof, RateLimits limits, IntakeSettings settings, PublicPage pages) {
		this.intakes = intakes;
		this.proof = proof;
		this.limits = limits;
		this.settings = settings;
		this.pages = pages;
	}

	@GetMapping
	ModelAndView form(@RequestParam(required = false) String lang, HttpServletRequest request) {
		String language = PublicPage.language(lang, request);
		return form(language, blank(language), Map.of(), null, HttpStatus.OK);
	}

	@PostMapping
	ModelAndView send(@ModelAttribute("report") PublicReport.Form report,
			@RequestParam(required = false) String challenge, @RequestParam(required = false) String solution,
			HttpServletRequest request, HttpServletResponse response) {
		String language = PublicPage.language(report.lang(), request);
		ClientAddress client = client(request);
		try {
			limits.checkReport(client);
		}
		catch (RateLimitedException e) {
			return limited(language, e, response);
		}
		PublicReport checked;
		try {
			checked = PublicReport.of(report);
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message().startsWith("must be at most")
					? "intake.report.error.tooLong" : "intake.report.error." + error.field()));
			return form(language, report, errors, null, HttpStatus.BAD_REQUEST);
		}
		Intakes.Filing filing = intakes.file(checked, challenge, solution);
		if (filing.refusal() != null) {
			return form(language, report, Map.of(), filing.refusal() == ProofOfWork.Refusal.REPLAYED
					? "intake.report.error.replayed" : "intake.report.error.proof", HttpStatus.BAD_REQUEST);
		}
		limits.countReport(client);
		return pages.render("intake/report-sent", language,
				Map.of("reference", filing.reference().display()), HttpStatus.OK);
	}

	@GetMapping("/status")
	ModelAndView status(@RequestParam(required = false) String lang, HttpServletRequest request) {
		return pages.render("intake/report-status", PublicPage.language(lang, request), new HashMap<>(),
				HttpStatus.OK);
	}

	@PostMapping("/status")
	ModelAndView lookUp(@RequestParam(required = false) String reference,
			@RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response) {
		String language = PublicPage.language(lang, request);
		try {
			limits.lookUp(client(request));
		}
		catch (RateLimitedException e) {
			return limited(language, e, response);
		}
		Intakes.Status status = intakes.status(reference);
		// what was typed is never shown back: the answer is the same for a mistyped and an unknown reference
		return pages.render("intake/report-status", language, new HashMap<>(Map.of("status", status.name())),
				HttpStatus.OK);
	}

	private ModelAndView form(String language, PublicReport.Form report, Map<String, String> errors,
			String problem, HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("report", report);
		model.put("errors", errors);
		if (problem != null) {
			model.put("problem", problem);
		}
		model.put("countries", PublicPage.countries(language));
		model.put("challenge", proof.challenge());
		model.put("noScriptWait", settings.noScriptWait().isZero() ? 0
				: Math.max(1, (settings.noScriptWait().toSeconds() + 59) / 60));
		return pages.render("intake/report", language, model, status);
	}

	private ModelAndView limited(String language, RateLimitedException e, HttpServletResponse response) {
		response.setHeader("Retry-After", Long.toString(e.retryAfter().toSeconds()));
		return pages.render("intake/report-limited", language, new HashMap<>(), HttpStatus.TOO_MANY_REQUESTS);
	}

	private ClientAddress client(HttpServletRequest request) {
		return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
				settings.trustedProxies());
	}

	private static PublicReport.Form blank(String language) {
		return new PublicReport.Form(null, null, null, null, null, null, null, null, false, null, null, language);
	}
}
