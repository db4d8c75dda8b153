package org.tipx.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Utc;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxItem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Break-glass: a case worker of another organisation who must act now (a person in danger at a border post at night)
 * reads a case for a limited time ({@code tipx.cases.break-glass}, two hours by default) on a written reason. The
 * grant is audited, written to the case's timeline, and put in the owner's inbox; the owner sees who, why and until
 * when on the case.
 */
@Service
public class BreakGlass {

	/** The inbox kind of the owner's notice. */
	public static final String NOTICE = "cases.break_glass";

	static final SealedColumn REASON = new SealedColumn("cases_break_glass", "id", "reason", "cases_break_glass.reason");

	private static final int SHORTEST_REASON = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final Inbox inbox;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration duration;

	BreakGlass(JdbcClient jdbc, Timeline timeline, FieldCipher cipher, Inbox inbox, Directory directory,
			AuditTrail audit, Clock clock, @Value("${tipx.cases.break-glass:PT2H}") Duration duration) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.cipher = cipher;
		this.inbox = inbox;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.duration = duration;
	}

	/** A grant: who, from which organisation, why, and until when. */
	public record Grant(UUID id, UUID caseId, UUID organisationId, String organisationName, String actor,
			String reason, Instant grantedAt, Instant expiresAt, boolean active) {
	}

	/**
	 * Grants the case worker reading of another organisation's case until the returned grant expires.
	 *
	 * @throws InvalidInputException naming {@code reason} when it is missing or too short to say why
	 */
	@Transactional
	public Grant open(Actor actor, UUID caseId, String reason) {
		if (!CaseRoles.current().caseWorker() || actor.accountId().isEmpty()) {
			throw new ForbiddenException("Only a case worker may break the glass");
		}
		if (reason == null || reason.strip().length() < SHORTEST_REASON) {
			throw new InvalidInputException("reason",
					"is required: at least " + SHORTEST_REASON + " characters saying why the case must be read now");
		}
		Optional<UUID> owner = jdbc.sql("SELECT owner_organisation_id FROM cases_case WHERE id = ? FOR UPDATE")
				.param(caseId).query(UUID.class).optional();
		if (owner.isEmpty()) {
			audit.record(AuditRecord.denied("case.break_glass", "case", caseId, "no such case"));
			throw new NotFoundException("Case");
		}
		if (owner.get().equals(actor.organisationId())) {
			throw new ConflictException("caseId", "your organisation owns this case: open it without breaking the glass");
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = Utc.now(clock);
		OffsetDateTime until = now.plus(duration);
		jdbc.sql("""
				INSERT INTO cases_break_glass (id, case_id, organisation_id, account_id, actor, reason, granted_at,
				  expires_at) VALUES (?,?,?,?,?,?,?,?)""")
				.params(id, caseId, actor.organisationId(), actor.accountId().get(), actor.name(),
						cipher.seal(reason.strip(), REASON.context(id)), now, until)
				.update();
		timeline.record(caseId, actor, "break_glass.opened",
				Map.of("organisationId", actor.organisationId().toString(), "expiresAt", until.toInstant().toString()));
		String reference = jdbc.sql("SELECT reference FROM cases_case WHERE id = ?").param(caseId)
				.query(String.class).single();
		String organisation = directory.organisation(new OrganisationId(actor.organisationId()))
				.map(Organisation::name).orElse(null);
		inbox.deliver(new InboxItem(UUID.randomUUID(), NOTICE, owner.get(), id.toString(),
				JSON.writeValueAsString(Map.of("grantId", id.toString(), "caseId", caseId.toString(), "reference",
						reference, "organisationId", actor.organisationId().toString(), "organisationName",
						organisation == null ? "" : organisation, "actor", actor.name(), "expiresAt",
						until.toInstant().toString())),
				now.toInstant()));
		audit.record(AuditRecord.success("case.break_glass", "case", caseId)
				.withDetail("until " + until.toInstant() + "; owner notified"));
		return new Grant(id, caseId, actor.organisationId(), organisation, actor.name(), reason.strip(),
				now.toInstant(), until.toInstant(), true);
	}

	/** Every break-glass grant on one case, newest first: for the owner, and for the grantee while it runs. */
	@Transactional(readOnly = true)
	public List<Grant> of(UUID caseId) {
		return grants("WHERE b.case_id = ?", caseId);
	}

	/** Grants on the organisation's cases, newest first (at most 200): the owner's notices. */
	@Transactional(readOnly = true)
	public List<Grant> onCasesOf(Actor actor) {
		audit.record(AuditRecord.success("case.break_glass.notices", "organisation", actor.organisationId()));
		return grants("JOIN cases_case c ON c.id = b.case_id WHERE c.owner_organisation_id = ?",
				actor.organisationId());
	}

	private List<Grant> grants(String where, UUID param) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT b.* FROM cases_break_glass b " + where + " ORDER BY b.granted_at DESC LIMIT 200")
				.param(param).query((rs, n) -> {
					UUID id = rs.getObject("id", UUID.class);
					UUID organisation = rs.getObject("organisation_id", UUID.class);
					Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
					return new Grant(id, rs.getObject("case_id", UUID.class), organisation,
							directory.organisation(new OrganisationId(organisation)).map(Organisation::name)
									.orElse(null),
							rs.getString("actor"), cipher.open(rs.getString("reason"), REASON.context(id)),
							rs.getObject("granted_at", OffsetDateTime.class).toInstant(), expires,
							expires.isAfter(now));
				}).list();
	}
}
