package org.tipx.audit.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.audit.ChainVerification;
import org.tipx.audit.internal.AuditEntry;
import org.tipx.audit.internal.AuditLedger;
import org.tipx.audit.internal.AuditQuery;
import org.tipx.audit.internal.ChainAnchor;
import org.tipx.audit.internal.ChainVerifier;
import org.tipx.shared.Allowed;

/**
 * Administrators browse the audit trail newest first, filtered by action, actor and dates, with names and actions in
 * words; verify the hash chain on demand; and export the whole trail as CSV (codes and ids as stored).
 */
@Controller
@RequestMapping("/admin/audit")
@Allowed.Admin
class AuditPage {

	static final int PAGE_SIZE = 50;

	private final AuditLedger ledger;

	private final ChainVerifier verifier;

	private final AuditTrail audit;

	private final ChainAnchor anchor;

	private final AuditRows rows;

	AuditPage(AuditLedger ledger, ChainVerifier verifier, AuditTrail audit, ChainAnchor anchor, AuditRows rows) {
		this.ledger = ledger;
		this.verifier = verifier;
		this.audit = audit;
		this.anchor = anchor;
		this.rows = rows;
	}

	/** Older pages start {@code before} the smallest sequence number shown; {@code verify} also checks the chain. */
	@GetMapping
	String browse(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "false") boolean verify,
			Model model, Locale locale) {
		show(model, locale, rows, ledger, action, actor, from, to, before, null);
		model.addAttribute("scoped", false);
		// shown on every visit, not only on verification: the trail on this page cannot be trusted
		model.addAttribute("tampered", anchor.finding().orElse(null));
		if (verify) {
			model.addAttribute("verification", verified());
		}
		return "admin/audit";
	}

	/** Fills the model with one page of entries that match the filters; shared with the organisation's view. */
	static void show(Model model, Locale locale, AuditRows rows, AuditLedger ledger, String action, String actor,
			String from, String to, Long before, java.util.UUID organisation) {
		AuditPeriod period = AuditPeriod.parse(from, to);
		long start = before == null || before < 1 ? Long.MAX_VALUE : before;
		List<AuditEntry> fetched = period.valid() ? ledger.page(new AuditQuery(action, actor, period.start(),
				period.end(), organisation), PAGE_SIZE + 1, start) : List.of();
		List<AuditEntry> entries = fetched.subList(0, Math.min(PAGE_SIZE, fetched.size()));
		model.addAttribute("filter", new Filter(blankToEmpty(action), blankToEmpty(actor), period.from(), period.to()));
		model.addAttribute("dateErrors", period.errors());
		model.addAttribute("entries", rows.of(entries, locale));
		model.addAttribute("older", fetched.size() > PAGE_SIZE ? entries.get(entries.size() - 1).seq() : null);
		model.addAttribute("paged", before != null);
	}

	/** The whole trail, oldest first, in the same CSV as the API's export, streamed. */
	@GetMapping(value = "/export.csv", produces = "text/csv")
	void export(HttpServletResponse response) throws IOException {
		audit.record(AuditRecord.success("audit.export", "audit_chain", null).withDetail("page"));
		AuditCsv.download(ledger, response);
	}

	/** Verifies first, then records the result: the record is appended after the chain was read. */
	private ChainVerification verified() {
		ChainVerification result = verifier.verify();
		audit.record(AuditRecord.success("audit.verify", "audit_chain", null)
				.withDetail(result.valid() ? "valid" : "INVALID at " + result.firstInvalidEntry()));
		return result;
	}

	private static String blankToEmpty(String value) {
		return value == null ? "" : value.strip();
	}

	/** The filters in force, echoed back into the form. */
	record Filter(String action, String actor, String from, String to) {
	}
}
