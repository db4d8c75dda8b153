package org.tipx.audit.web;

import java.io.IOException;
import java.util.List;

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
import org.tipx.audit.internal.ChainAnchor;
import org.tipx.audit.internal.ChainVerifier;
import org.tipx.shared.Allowed;

/**
 * Administrators browse the audit trail newest first, filtered by action and actor, verify the hash chain on demand,
 * and export the whole trail as CSV.
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

	AuditPage(AuditLedger ledger, ChainVerifier verifier, AuditTrail audit, ChainAnchor anchor) {
		this.ledger = ledger;
		this.verifier = verifier;
		this.audit = audit;
		this.anchor = anchor;
	}

	/** Older pages start {@code before} the smallest sequence number shown; {@code verify} also checks the chain. */
	@GetMapping
	String browse(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "false") boolean verify,
			Model model) {
		long start = before == null || before < 1 ? Long.MAX_VALUE : before;
		List<AuditEntry> fetched = ledger.page(action, actor, PAGE_SIZE + 1, start);
		List<AuditEntry> entries = fetched.subList(0, Math.min(PAGE_SIZE, fetched.size()));
		model.addAttribute("filter", new Filter(blankToEmpty(action), blankToEmpty(actor)));
		model.addAttribute("entries", entries);
		model.addAttribute("older", fetched.size() > PAGE_SIZE ? entries.get(entries.size() - 1).seq() : null);
		model.addAttribute("paged", before != null);
		// shown on every visit, not only on verification: the trail on this page cannot be trusted
		model.addAttribute("tampered", anchor.finding().orElse(null));
		if (verify) {
			model.addAttribute("verification", verified());
		}
		return "admin/audit";
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
	record Filter(String action, String actor) {
	}
}
