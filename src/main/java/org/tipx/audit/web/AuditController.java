package org.tipx.audit.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.audit.ChainVerification;
import org.tipx.audit.internal.AuditEntry;
import org.tipx.audit.internal.AuditLedger;
import org.tipx.audit.internal.ChainVerifier;
import org.tipx.shared.Allowed;

/**
 * Administrators verify, browse and export the audit trail.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Allowed.Admin
class AuditController {

	private final ChainVerifier verifier;

	private final AuditLedger ledger;

	private final AuditTrail audit;

	AuditController(ChainVerifier verifier, AuditLedger ledger, AuditTrail audit) {
		this.verifier = verifier;
		this.ledger = ledger;
		this.audit = audit;
	}

	/** Verifies first, then records the result: the record is appended after the chain was read. */
	@GetMapping("/verify")
	ChainVerification verify() {
		ChainVerification result = verifier.verify();
		audit.record(AuditRecord.success("audit.verify", "audit_chain", null)
				.withDetail(result.valid() ? "valid" : "INVALID at " + result.firstInvalidEntry()));
		return result;
	}

	/** Newest first; page backwards with {@code before} = the smallest seq seen. */
	@GetMapping("/entries")
	List<AuditEntry> entries(@RequestParam(required = false) String action,
			@RequestParam(required = false) String actor, @RequestParam(defaultValue = "100") int limit,
			@RequestParam(defaultValue = "" + Long.MAX_VALUE) long before) {
		return ledger.page(action, actor, Math.max(1, Math.min(limit, 1000)), before);
	}

	/** The whole trail as CSV, oldest first, streamed. */
	@GetMapping(value = "/export", produces = "text/csv")
	void export(HttpServletResponse response) throws IOException {
		audit.record(AuditRecord.success("audit.export", "audit_chain", null));
		AuditCsv.download(ledger, response);
	}
}
