package org.tipx.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.Utc;

import tools.jackson.databind.json.JsonMapper;

/**
 * A case's return plan (travel documents, escort, reception in the source country, family contact) and
 * reintegration plan (goals by area, each with dated milestones). Each change is a new version, a draft or submitted
 * for a supervisor's approval; the codes are stored in the clear, the note and the milestones' descriptions sealed.
 */
@Service
public class Plans {

	static final SealedColumn TEXTS = new SealedColumn("cases_plan", "id", "texts", "cases_plan.texts");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final CareAccess care;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	Plans(JdbcClient jdbc, CareAccess care, Timeline timeline, FieldCipher cipher, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.care = care;
		this.timeline = timeline;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** The plan of a case, in force (null before the first version) with every version, newest first. */
	public record WithHistory(PlanKind kind, Plan current, List<Plan> versions) {
	}

	/** One version of a plan. */
	public record Plan(String kind, int version, String state, PlanContent content, String writtenBy,
			Instant writtenAt, String approvedBy, Instant approvedAt) {
	}

	/** The kind named in a path ({@code return}, {@code reintegration}). */
	public static PlanKind kind(String name) {
		try {
			return PlanKind.valueOf(name == null ? "" : name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", "'" + name + "' is not a plan: return or reintegration");
		}
	}

	@Transactional(readOnly = true)
	public WithHistory read(Actor actor, UUID caseId, PlanKind kind) {
		care.read(actor, caseId, "plan");
		audit.record(AuditRecord.success("case.plan.read", "case", caseId).withDetail(kind.name()));
		return withHistory(caseId, kind);
	}

	/**
	 * Records a new version, as a draft or submitted for approval.
	 *
	 * @throws InvalidInputException naming each field that breaks a rule; nothing is stored
	 */
	@Transactional
	public WithHistory write(Actor actor, UUID caseId, PlanKind kind, PlanContent content, boolean submit) {
		care.work(actor, caseId, "plan change");
		if (content == null) {
			throw new InvalidInputException("body", "the plan is required");
		}
		List<FieldError> errors = new ArrayList<>();
		PlanContent.Checked checked = content.check(kind, LocalDate.now(clock), errors);
		Codes.throwIfAny(errors);
		int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM cases_plan WHERE case_id = ? AND kind = ?")
				.params(caseId, kind.name()).query(Integer.class).single();
		UUID id = UUID.randomUUID();
		String state = submit ? "SUBMITTED" : "DRAFT";
		jdbc.sql("""
				INSERT INTO cases_plan (id, case_id, kind, version, content, texts, state, written_by, written_at)
				VALUES (?,?,?,?,?::jsonb,?,?,?,?)""")
				.params(id, caseId, kind.name(), version, JSON.writeValueAsString(checked.codes()),
						checked.texts() == null ? null
								: cipher.seal(JSON.writeValueAsString(checked.texts()), TEXTS.context(id)),
						state, actor.name(), Utc.now(clock))
				.update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("kind", kind.name());
		detail.put("version", version);
		detail.put("state", state);
		timeline.record(caseId, actor, "plan.written", detail);
		care.changed(caseId);
		audit.record(AuditRecord.success("case.plan.write", "case", caseId)
				.withDetail(kind.name() + " version " + version + " " + state));
		return withHistory(caseId, kind);
	}

	/** Approves the submitted version in force; only a supervisor of the owning organisation may. */
	@Transactional
	public WithHistory approve(Actor actor, UUID caseId, PlanKind kind) {
		care.supervise(actor, caseId, "plan approval");
		WithHistory plan = withHistory(caseId, kind);
		if (plan.current() == null || !"SUBMITTED".equals(plan.current().state())) {
			throw new ConflictException("state", plan.current() == null ? "there is no plan to approve yet"
					: "only a submitted plan is approved; version " + plan.current().version() + " is "
							+ plan.current().state());
		}
		int version = plan.current().version();
		jdbc.sql("""
				UPDATE cases_plan SET state = 'APPROVED', approved_by = ?, approved_at = ?
				WHERE case_id = ? AND kind = ? AND version = ?""")
				.params(actor.name(), Utc.now(clock), caseId, kind.name(), version).update();
		timeline.record(caseId, actor, "plan.approved", Map.of("kind", kind.name(), "version", version));
		care.changed(caseId);
		audit.record(AuditRecord.success("case.plan.approve", "case", caseId)
				.withDetail(kind.name() + " version " + version));
		return withHistory(caseId, kind);
	}

	private WithHistory withHistory(UUID caseId, PlanKind kind) {
		List<Plan> versions = jdbc.sql("SELECT * FROM cases_plan WHERE case_id = ? AND kind = ? ORDER BY version DESC")
				.params(caseId, kind.name()).query((rs, n) -> plan(rs)).list();
		return new WithHistory(kind, versions.isEmpty() ? null : versions.get(0), versions);
	}

	@SuppressWarnings("unchecked")
	private Plan plan(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Map<String, Object> codes = JSON.readValue(rs.getString("content"), Map.class);
		String sealed = rs.getString("texts");
		Map<String, Object> texts = sealed == null ? Map.of()
				: JSON.readValue(cipher.open(sealed, TEXTS.context(id)), Map.class);
		return new Plan(rs.getString("kind"), rs.getInt("version"), rs.getString("state"),
				PlanContent.of(codes, texts), rs.getString("written_by"),
				Utc.instant(rs.getObject("written_at", OffsetDateTime.class)), rs.getString("approved_by"),
				Utc.instant(rs.getObject("approved_at", OffsetDateTime.class)));
	}
}
