package org.tipx.cases.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.tipx.cases.internal.BreakGlass;
import org.tipx.cases.internal.CaseQuery;
import org.tipx.cases.internal.Cases;
import org.tipx.cases.internal.Codes;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.Countries;
import org.tipx.shared.InvalidInputException;

/**
 * The case list: the cases the caller may see (the organisation's own, those referred to it and accepted, those the
 * caller broke the glass for), filtered by status, risk, overdue tasks, nationality and referral state, searched by
 * reference, id or a name, 50 a page; and the break-glass notices on the organisation's cases.
 */
@Controller
@RequestMapping("/cases")
@Allowed.CaseWorkers
class CaseListPage {

	private final Cases cases;

	private final BreakGlass breakGlass;

	CaseListPage(Cases cases, BreakGlass breakGlass) {
		this.cases = cases;
		this.breakGlass = breakGlass;
	}

	/** The list's filters as the query string carries them; each optional. The page is read here, not bound. */
	record Filters(String q, String status, String risk, String nationality, String referral, String overdue,
			String page) {

		/** The page asked for; -1 (which the list refuses by name) when it is not a number. */
		int pageNumber() {
			if (blank(page)) {
				return 0;
			}
			try {
				return Integer.parseInt(page.strip());
			}
			catch (NumberFormatException e) {
				return -1;
			}
		}

		boolean onlyOverdue() {
			return "true".equals(overdue);
		}

		boolean any() {
			return !blank(q) || !blank(status) || !blank(risk) || !blank(nationality) || !blank(referral)
					|| onlyOverdue();
		}

		String link(int toPage) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/cases");
			add(uri, "q", q);
			add(uri, "status", status);
			add(uri, "risk", risk);
			add(uri, "nationality", nationality);
			add(uri, "referral", referral);
			if (onlyOverdue()) {
				uri.queryParam("overdue", "true");
			}
			if (toPage > 0) {
				uri.queryParam("page", toPage);
			}
			return uri.encode().build().toUriString();
		}

		private static void add(UriComponentsBuilder uri, String name, String value) {
			if (!blank(value)) {
				uri.queryParam(name, value.strip());
			}
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}
	}

	@GetMapping
	String list(@ModelAttribute("filters") Filters filters, BindingResult result, Model model, Locale locale,
			HttpServletResponse response) {
		Cases.CasePage found = new Cases.CasePage(List.of(), 0, false);
		if (!result.hasErrors()) {
			try {
				found = cases.list(actor(), new CaseQuery(null, empty(filters.status()), empty(filters.q()),
						empty(filters.risk()), empty(filters.nationality()), empty(filters.referral()),
						filters.onlyOverdue() ? Boolean.TRUE : null, filters.pageNumber()));
			}
			catch (InvalidInputException refused) {
				CaseFormRefusal.showOn(result, "list", refused, field -> field);
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
		}
		else {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("cases", found.items());
		model.addAttribute("newer", filters.pageNumber() > 0 && !result.hasErrors()
				? filters.link(filters.pageNumber() - 1) : null);
		model.addAttribute("older", found.more() ? filters.link(filters.pageNumber() + 1) : null);
		model.addAttribute("filtered", filters.any());
		model.addAttribute("statuses", List.of("OPEN", "CLOSED"));
		model.addAttribute("risks", Codes.RISKS);
		model.addAttribute("referralStates", List.of("SENT", "ACCEPTED", "DECLINED", "COMPLETED", "REVOKED"));
		model.addAttribute("countries", Countries.sorted(locale));
		model.addAttribute("caseWorker", caseWorker());
		return "cases/list";
	}

	@GetMapping("/break-glass")
	String breakGlassNotices(Model model) {
		model.addAttribute("grants", breakGlass.onCasesOf(actor()));
		return "cases/break-glass-notices";
	}

	/** Only case workers open cases and break the glass; a supervisor is not offered either. */
	private static boolean caseWorker() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities().stream()
				.anyMatch(a -> "ROLE_CASE_WORKER".equals(a.getAuthority()));
	}

	private static String empty(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Actor actor() {
		return Actor.current().orElseThrow();
	}
}
