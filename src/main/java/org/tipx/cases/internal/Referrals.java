package org.tipx.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Utc;

/**
 * Referrals of a case to another organisation of the directory, in any country: {@code SENT -> ACCEPTED | DECLINED},
 * {@code ACCEPTED -> COMPLETED}, {@code SENT | ACCEPTED -> REVOKED} by the sender. Sending checks the consent in force
 * at that moment; a referral it does not cover is refused with 409 naming the missing consent, unless a supervisor
 * sends it with a written reason (audited, on the timeline, shown on the referral). Each step is audited and written
 * to the case's timeline; the receiver's case workers see the case once they accept.
 */
@Service
public class Referrals {

	static final SealedColumn NOTE = new SealedColumn("cases_referral", "id", "note", "cases_referral.note");

	static final SealedColumn REASON = new SealedColumn("cases_referral", "id", "reason", "cases_referral.reason");

	static final SealedColumn OVERRIDE = new SealedColumn("cases_referral", "id", "consent_override",
			"cases_referral.consent_override");

	private static final int SHOWN = 200;

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final Cases cases;

	private final Consents consents;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	Referrals(JdbcClient jdbc, CaseAccess access, Cases cases, Consents consents, Timeline timeline,
			FieldCipher cipher, Directory directory, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.cases = cases;
		this.consents = consents;
		this.timeline = timeline;
		this.cipher = cipher;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A referral to send.
	 *
	 * @param consentOverride a supervisor's written reason to send what the consent does not cover; null otherwise
	 */
	public record NewReferral(UUID toOrganisationId, List<String> services, Boolean sharePersonal, String note,
			String consentOverride) {
	}

	/** Sends a referral of the case; see the class for the consent rule. */
	@Transactional
	public ReferralView send(Actor actor, UUID caseId, NewReferral request) {
		CaseGrant grant = access.grant(actor, caseId);
		if (!grant.owner()) {
			throw access.hidden(caseId, "referral send");
		}
		access.lock(caseId);
		cases.requireOpen(caseId);
		List<FieldError> errors = new ArrayList<>();
		Organisation target = null;
		if (request.toOrganisationId() == null) {
			errors.add(new FieldError("toOrganisationId", "is required: the organisation to refer the case to"));
		}
		else if (request.toOrganisationId().equals(actor.organisationId())) {
			errors.add(new FieldError("toOrganisationId", "is your own organisation: a case is referred to another"));
		}
		else {
			target = directory.organisation(new OrganisationId(request.toOrganisationId())).orElse(null);
			if (target == null) {
				errors.add(new FieldError("toOrganisationId", "is not an organisation of the directory"));
			}
		}
		if (request.services() == null || request.services().isEmpty()) {
			errors.add(new FieldError("services", "name at least one service: " + String.join(", ", Codes.SERVICES)));
		}
		List<String> services = Codes.many("services", request.services(), Codes.SERVICES, errors);
		if (request.sharePersonal() == null) {
			errors.add(new FieldError("sharePersonal",
					"is required: true to share the personal fields, false for the coded fields only"));
		}
		String override = request.consentOverride() == null || request.consentOverride().isBlank() ? null
				: request.consentOverride().strip();
		Codes.throwIfAny(errors);
		ConsentRecord consent = consents.inForce(caseId);
		String nationality = jdbc.sql("SELECT nationality FROM cases_case WHERE id = ?").param(caseId)
				.query(String.class).optional().orElse(null);
		Optional<ConsentRecord.Missing> missing = consent.missingFor(target, nationality);
		if (missing.isPresent()) {
			if (override == null) {
				audit.record(AuditRecord.denied("case.referral.send", "case", caseId,
						"consent " + missing.get().consent() + " missing (version " + consent.version() + ")"));
				throw new ConflictException("consent." + missing.get().consent(), missing.get().why()
						+ " (consent version " + consent.version() + " in force); record the person's consent first");
			}
			if (!grant.supervise()) {
				throw new ForbiddenException("Only a supervisor (your organisation's administrator) may send a referral "
						+ "that the person's consent does not cover");
			}
		}
		else if (override != null) {
			throw new InvalidInputException("consentOverride",
					"is only for a referral the consent does not cover; this one is covered");
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = Utc.now(clock);
		jdbc.sql("""
				INSERT INTO cases_referral (id, case_id, from_organisation_id, to_organisation_id, state, services,
				  share_personal, consent_version, consent_override, note, sent_by, sent_at)
				VALUES (?,?,?,?,'SENT',?,?,?,?,?,?,?)""")
				.params(id, caseId, actor.organisationId(), target.id().value(), services.toArray(String[]::new),
						request.sharePersonal(), consent.version(),
						override == null ? null : cipher.seal(override, OVERRIDE.context(id)),
						sealed(request.note(), NOTE, id), actor.name(), now)
				.update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("referralId", id.toString());
		detail.put("toOrganisationId", target.id().value().toString());
		detail.put("services", services);
		detail.put("sharePersonal", request.sharePersonal());
		detail.put("consentVersion", consent.version());
		detail.put("consentOverride", override != null);
		timeline.record(caseId, actor, "referral.sent", detail);
		access.touch(caseId);
		audit.record(AuditRecord.success("case.referral.send", "referral", id).withDetail("case " + caseId + " to "
				+ target.id().value() + (override != null ? "; consent overridden by a supervisor" : "")));
		return one(id, actor);
	}

	/** The referral, to its sender's or its receiver's case workers; 404 to anyone else. */
	@Transactional(readOnly = true)
	public ReferralView read(Actor actor, UUID id) {
		return party(actor, id).view();
	}

	/** Referrals to (incoming) or from (outgoing) the caller's organisation, newest first, in one state or all. */
	@Transactional(readOnly = true)
	public List<ReferralView> list(Actor actor, String direction, String state) {
		List<FieldError> errors = new ArrayList<>();
		if (!"incoming".equals(direction) && !"outgoing".equals(direction)) {
			errors.add(new FieldError("direction", "must be incoming or outgoing"));
		}
		Codes.one("state", state, List.of("SENT", "ACCEPTED", "DECLINED", "COMPLETED", "REVOKED"), errors);
		Codes.throwIfAny(errors);
		if (!CaseRoles.current().any()) {
			return List.of();
		}
		String column = "incoming".equals(direction) ? "r.to_organisation_id" : "r.from_organisation_id";
		boolean filtered = state != null && !state.isBlank();
		List<Object> params = new ArrayList<>(List.of(actor.organisationId()));
		if (filtered) {
			params.add(state);
		}
		params.add(SHOWN);
		return views(jdbc.sql("SELECT r.*, c.reference FROM cases_referral r JOIN cases_case c ON c.id = r.case_id"
				+ " WHERE " + column + " = ?" + (filtered ? " AND r.state = ?" : "")
				+ " ORDER BY r.sent_at DESC LIMIT ?").params(params).query((rs, n) -> row(rs)).list());
	}

	/** The referrals of one case as the caller may see them: all for the owner, the caller's own for a receiver. */
	@Transactional(readOnly = true)
	public List<ReferralView> ofCase(Actor actor, UUID caseId) {
		CaseGrant grant = access.grant(actor, caseId);
		return views(jdbc.sql("SELECT r.*, c.reference FROM cases_referral r JOIN cases_case c ON c.id = r.case_id"
				+ " WHERE r.case_id = ? AND (? OR r.to_organisation_id = ?) ORDER BY r.sent_at DESC")
				.params(caseId, grant.relation() != CaseGrant.Relation.REFERRED, actor.organisationId())
				.query((rs, n) -> row(rs)).list());
	}

	@Transactional
	public ReferralView accept(Actor actor, UUID id) {
		return answer(actor, id, "ACCEPTED", null);
	}

	@Transactional
	public ReferralView decline(Actor actor, UUID id, String reason) {
		return answer(actor, id, "DECLINED", required(reason));
	}

	/** The receiver marks the services as given. */
	@Transactional
	public ReferralView complete(Actor actor, UUID id) {
		Party party = party(actor, id);
		if (!party.receiver()) {
			throw new ForbiddenException("Only the receiving organisation completes a referral");
		}
		return move(actor, party, Set.of("ACCEPTED"), "COMPLETED", null, "closed");
	}

	/** The sender withdraws a referral that is sent or accepted; the receiver loses its view of the case. */
	@Transactional
	public ReferralView revoke(Actor actor, UUID id, String reason) {
		String why = required(reason);
		Party party = party(actor, id);
		if (party.receiver()) {
			throw new ForbiddenException("Only the sending organisation revokes a referral");
		}
		return move(actor, party, Set.of("SENT", "ACCEPTED"), "REVOKED", why, "closed");
	}

	private ReferralView answer(Actor actor, UUID id, String state, String reason) {
		Party party = party(actor, id);
		if (!party.receiver()) {
			throw new ForbiddenException("Only the receiving organisation accepts or declines a referral");
		}
		return move(actor, party, Set.of("SENT"), state, reason, "answered");
	}

	private ReferralView move(Actor actor, Party party, Set<String> from, String to, String reason, String step) {
		ReferralView referral = party.view();
		access.lock(referral.caseId());
		String current = jdbc.sql("SELECT state FROM cases_referral WHERE id = ? FOR UPDATE").param(referral.id())
				.query(String.class).single();
		if (!from.contains(current)) {
			throw new ConflictException("state", "the referral is " + current + "; only a referral that is "
					+ String.join(" or ", from.stream().sorted().toList()) + " can become " + to);
		}
		OffsetDateTime now = Utc.now(clock);
		jdbc.sql("UPDATE cases_referral SET state = ?, " + step + "_by = ?, " + step + "_at = ?"
				+ (reason != null ? ", reason = ?" : "") + " WHERE id = ?")
				.params(reason != null
						? List.of(to, actor.name(), now, cipher.seal(reason, REASON.context(referral.id())), referral.id())
						: List.of(to, actor.name(), now, referral.id()))
				.update();
		timeline.record(referral.caseId(), actor, "referral." + to.toLowerCase(java.util.Locale.ROOT),
				Map.of("referralId", referral.id().toString(), "toOrganisationId",
						referral.toOrganisationId().toString()));
		access.touch(referral.caseId());
		audit.record(AuditRecord.success("case.referral." + to.toLowerCase(java.util.Locale.ROOT), "referral",
				referral.id()).withDetail("case " + referral.caseId()));
		return one(referral.id(), actor);
	}

	/** A referral and which side of it the caller is on. */
	private record Party(ReferralView view, boolean receiver) {
	}

	private Party party(Actor actor, UUID id) {
		CaseRoles roles = CaseRoles.current();
		Optional<ReferralView> found = roles.any() ? Optional.ofNullable(one(id, actor)) : Optional.empty();
		if (found.isEmpty()) {
			audit.record(AuditRecord.denied("case.referral.read", "referral", id, "not a party to the referral"));
			throw new NotFoundException("Referral");
		}
		return new Party(found.get(), found.get().toOrganisationId().equals(actor.organisationId()));
	}

	/** The referral if the caller's organisation sent or received it; null otherwise. */
	private ReferralView one(UUID id, Actor actor) {
		List<ReferralView> found = views(jdbc.sql("SELECT r.*, c.reference FROM cases_referral r"
				+ " JOIN cases_case c ON c.id = r.case_id WHERE r.id = ?"
				+ " AND (r.from_organisation_id = ? OR r.to_organisation_id = ?)")
				.params(id, actor.organisationId(), actor.organisationId()).query((rs, n) -> row(rs)).list());
		return found.isEmpty() ? null : found.get(0);
	}

	private String sealed(String text, SealedColumn column, UUID id) {
		return text == null || text.isBlank() ? null : cipher.seal(text.strip(), column.context(id));
	}

	private static String required(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required: say why, for the other organisation and the record");
		}
		return reason.strip();
	}

	private record Row(ReferralView view) {
	}

	private Row row(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String override = rs.getString("consent_override");
		String note = rs.getString("note");
		String reason = rs.getString("reason");
		return new Row(new ReferralView(id, rs.getObject("case_id", UUID.class), rs.getString("reference"),
				rs.getString("state"), rs.getObject("from_organisation_id", UUID.class), null, null,
				rs.getObject("to_organisation_id", UUID.class), null, null, null, Cases.list(rs.getArray("services")),
				rs.getBoolean("share_personal"), rs.getInt("consent_version"), override != null,
				override == null ? null : cipher.open(override, OVERRIDE.context(id)),
				note == null ? null : cipher.open(note, NOTE.context(id)),
				reason == null ? null : cipher.open(reason, REASON.context(id)), rs.getString("sent_by"),
				Utc.instant(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("answered_by"),
				Utc.instant(rs.getObject("answered_at", OffsetDateTime.class)), rs.getString("closed_by"),
				Utc.instant(rs.getObject("closed_at", OffsetDateTime.class))));
	}

	/** Adds the organisations' names and countries, looking each up once. */
	private List<ReferralView> views(List<Row> rows) {
		Map<UUID, Optional<Organisation>> organisations = new HashMap<>();
		return rows.stream().map(Row::view).map(r -> {
			Optional<Organisation> from = organisations.computeIfAbsent(r.fromOrganisationId(),
					o -> directory.organisation(new OrganisationId(o)));
			Optional<Organisation> to = organisations.computeIfAbsent(r.toOrganisationId(),
					o -> directory.organisation(new OrganisationId(o)));
			return new ReferralView(r.id(), r.caseId(), r.caseReference(), r.state(), r.fromOrganisationId(),
					from.map(Organisation::name).orElse(null), from.map(o -> o.country().value()).orElse(null),
					r.toOrganisationId(), to.map(Organisation::name).orElse(null),
					to.map(o -> o.country().value()).orElse(null), to.map(o -> o.type().name()).orElse(null),
					r.services(), r.sharePersonal(), r.consentVersion(), r.consentOverridden(),
					r.consentOverrideReason(), r.note(), r.reason(), r.sentBy(), r.sentAt(), r.answeredBy(),
					r.answeredAt(), r.closedBy(), r.closedAt());
		}).toList();
	}
}
