package org.tipx.audit.web;

import java.util.Locale;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.audit.internal.AuditLedger;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * An organisation administrator reads their own organisation's audit entries: those whose actor belonged to it when
 * acting, never another organisation's. Same filters and words as the administrators' page; no chain verification or
 * export, which cover the whole trail. Reading it is itself audited.
 */
@Controller
@RequestMapping("/admin/audit/organisation")
@Allowed.OrgAdmin
class OrganisationAuditPage {

	private final AuditLedger ledger;

	private final AuditRows rows;

	private final AuditTrail audit;

	OrganisationAuditPage(AuditLedger ledger, AuditRows rows, AuditTrail audit) {
		this.ledger = ledger;
		this.rows = rows;
		this.audit = audit;
	}

	@GetMapping
	String browse(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long before, Model model, Locale locale) {
		Actor caller = Actor.current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
		audit.record(AuditRecord.success("audit.read", "organisation", caller.organisationId()));
		AuditPage.show(model, locale, rows, ledger, action, actor, from, to, before, caller.organisationId());
		model.addAttribute("scoped", true);
		return "admin/audit";
	}
}
