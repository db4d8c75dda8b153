package org.tipx.cases.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.shared.Actor;
import org.tipx.shared.NotFoundException;

/**
 * Decides, on every read and write of a case, what the caller may do with it. The owning organisation's case workers
 * work on it and its administrators supervise it; another organisation reads it only through an accepted (or
 * completed) referral, and then sees its personal fields only when the referral shares them and the consent in force
 * still covers a referral to that organisation; a case worker of another organisation reads it while a break-glass
 * grant of theirs runs. To anyone else the case does not exist: 404, and the refusal is audited.
 */
@Component
public class CaseAccess {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final Consents consents;

	CaseAccess(JdbcClient jdbc, Directory directory, AuditTrail audit, Clock clock,
			@org.springframework.context.annotation.Lazy Consents consents) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.consents = consents;
	}

	private record Owner(UUID organisationId, String nationality) {
	}

	private record Referred(UUID id, boolean sharePersonal) {
	}

	/**
	 * What the caller may do with the case.
	 *
	 * @throws NotFoundException when the caller may not know the case exists
	 */
	public CaseGrant grant(Actor actor, UUID caseId) {
		CaseRoles roles = CaseRoles.current();
		Optional<Owner> owner = jdbc.sql("SELECT owner_organisation_id, nationality FROM cases_case WHERE id = ?")
				.param(caseId).query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getString(2))).optional();
		if (owner.isEmpty() || !roles.any()) {
			throw hidden(caseId, "read");
		}
		if (owner.get().organisationId().equals(actor.organisationId())) {
			return new CaseGrant(caseId, CaseGrant.Relation.OWNER, true, true, true, roles.caseWorker(),
					roles.supervisor(), null, null);
		}
		if (roles.caseWorker() && actor.accountId().isPresent()) {
			Optional<OffsetDateTime> until = jdbc.sql("""
					SELECT max(expires_at) FROM cases_break_glass
					WHERE case_id = ? AND account_id = ? AND expires_at > ?""")
					.params(caseId, actor.accountId().get(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
					.query(OffsetDateTime.class).optional();
			if (until.isPresent() && until.get() != null) {
				return new CaseGrant(caseId, CaseGrant.Relation.BREAK_GLASS, true, true, true, false, false, null,
						until.get().toInstant());
			}
		}
		Optional<Referred> referred = jdbc.sql("""
				SELECT id, share_personal FROM cases_referral
				WHERE case_id = ? AND to_organisation_id = ? AND state IN ('ACCEPTED', 'COMPLETED')
				ORDER BY answered_at DESC LIMIT 1""")
				.params(caseId, actor.organisationId())
				.query((rs, n) -> new Referred(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional();
		if (referred.isPresent()) {
			boolean personal = referred.get().sharePersonal() && stillConsented(caseId, actor, owner.get());
			return new CaseGrant(caseId, CaseGrant.Relation.REFERRED, personal, false, true, false, false,
					referred.get().id(), null);
		}
		throw hidden(caseId, "read");
	}

	/** The 404 for a case the caller may not know of (or a part of it they may not see); the refusal is audited. */
	public NotFoundException hidden(UUID caseId, String what) {
		audit.record(AuditRecord.denied("case." + what.replace(' ', '.'), "case", caseId, "not visible to the caller"));
		return new NotFoundException("Case");
	}

	/** Locks the case row for a change, so that concurrent changes of one case happen one after another. */
	public void lock(UUID caseId) {
		jdbc.sql("SELECT id FROM cases_case WHERE id = ? FOR UPDATE").param(caseId).query(UUID.class).single();
	}

	/** Marks the case as changed now (lists sort by it). */
	public void touch(UUID caseId) {
		jdbc.sql("UPDATE cases_case SET updated_at = ? WHERE id = ?")
				.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), caseId).update();
	}

	private boolean stillConsented(UUID caseId, Actor actor, Owner owner) {
		Optional<Organisation> reader = directory.organisation(new OrganisationId(actor.organisationId()));
		return reader.isPresent()
				&& consents.inForce(caseId).missingFor(reader.get(), owner.nationality()).isEmpty();
	}
}
