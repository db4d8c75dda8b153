package org.tipx.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.Utc;

/**
 * The protection-needs assessment of a case: each area's need coded NONE to HIGH and a sealed note, written by a case
 * worker as a new version each time and approved by a supervisor. The highest version is the one in force.
 */
@Service
public class Assessments {

	static final SealedColumn NOTE = new SealedColumn("cases_assessment", "id", "note", "cases_assessment.note");

	/** The areas assessed, in the order pages show them (also the table's columns). */
	public static final List<String> AREAS = List.of("safety", "health", "psychosocial", "legal", "debt", "family",
			"child");

	public static final List<String> LEVELS = List.of("NONE", "LOW", "MEDIUM", "HIGH");

	private final JdbcClient jdbc;

	private final CareAccess care;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	Assessments(JdbcClient jdbc, CareAccess care, Timeline timeline, FieldCipher cipher, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.care = care;
		this.timeline = timeline;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** An assessment as a case worker writes it: a level for every area, and an optional note. */
	public record Change(Map<String, String> needs, String note) {
	}

	/** One version of the assessment. */
	public record Assessment(int version, Map<String, String> needs, String note, String state, String submittedBy,
			Instant submittedAt, String approvedBy, Instant approvedAt) {
	}

	/** The version in force (null before the first) and every version, newest first. */
	public record WithHistory(Assessment current, List<Assessment> versions) {
	}

	@Transactional(readOnly = true)
	public WithHistory read(Actor actor, UUID caseId) {
		care.read(actor, caseId, "assessment");
		List<Assessment> versions = versions(caseId);
		audit.record(AuditRecord.success("case.assessment.read", "case", caseId));
		return new WithHistory(versions.isEmpty() ? null : versions.get(0), versions);
	}

	/**
	 * Records a new version, submitted for a supervisor's approval.
	 *
	 * @throws org.tipx.shared.InvalidInputException naming each missing or unknown area or level; nothing is stored
	 */
	@Transactional
	public WithHistory submit(Actor actor, UUID caseId, Change change) {
		care.work(actor, caseId, "assessment change");
		List<FieldError> errors = new ArrayList<>();
		Map<String, String> needs = needs(change == null ? null : change.needs(), errors);
		String note = FreeText.optional("note", change == null ? null : change.note(), 4000, errors);
		Codes.throwIfAny(errors);
		int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM cases_assessment WHERE case_id = ?")
				.param(caseId).query(Integer.class).single();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO cases_assessment (id, case_id, version, safety, health, psychosocial, legal, debt, family,
				  child, note, state, submitted_by, submitted_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,'SUBMITTED',?,?)""")
				.params(id, caseId, version, needs.get("safety"), needs.get("health"), needs.get("psychosocial"),
						needs.get("legal"), needs.get("debt"), needs.get("family"), needs.get("child"),
						note == null ? null : cipher.seal(note, NOTE.context(id)), actor.name(), Utc.now(clock))
				.update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("version", version);
		detail.put("needs", needs);
		timeline.record(caseId, actor, "assessment.submitted", detail);
		care.changed(caseId);
		audit.record(AuditRecord.success("case.assessment.submit", "case", caseId).withDetail("version " + version));
		List<Assessment> versions = versions(caseId);
		return new WithHistory(versions.get(0), versions);
	}

	/** Approves the version in force; only a supervisor of the owning organisation may. */
	@Transactional
	public WithHistory approve(Actor actor, UUID caseId) {
		care.supervise(actor, caseId, "assessment approval");
		List<Assessment> versions = versions(caseId);
		if (versions.isEmpty()) {
			throw new ConflictException("state", "there is no assessment to approve yet");
		}
		Assessment current = versions.get(0);
		if (!"SUBMITTED".equals(current.state())) {
			throw new ConflictException("state", "version " + current.version() + " is already approved");
		}
		jdbc.sql("""
				UPDATE cases_assessment SET state = 'APPROVED', approved_by = ?, approved_at = ?
				WHERE case_id = ? AND version = ?""")
				.params(actor.name(), Utc.now(clock), caseId, current.version()).update();
		timeline.record(caseId, actor, "assessment.approved", Map.of("version", current.version()));
		care.changed(caseId);
		audit.record(AuditRecord.success("case.assessment.approve", "case", caseId)
				.withDetail("version " + current.version()));
		versions = versions(caseId);
		return new WithHistory(versions.get(0), versions);
	}

	private static Map<String, String> needs(Map<String, String> given, List<FieldError> errors) {
		Map<String, String> needs = new LinkedHashMap<>();
		if (given == null) {
			errors.add(new FieldError("needs", "is required: a level (" + String.join(", ", LEVELS) + ") for each of "
					+ String.join(", ", AREAS)));
			return needs;
		}
		for (String key : given.keySet()) {
			if (!AREAS.contains(key)) {
				errors.add(new FieldError("needs." + key, "is not an area (" + String.join(", ", AREAS) + ")"));
			}
		}
		for (String area : AREAS) {
			String level = given.get(area);
			if (level == null || level.isBlank()) {
				errors.add(new FieldError("needs." + area, "is required: one of " + String.join(", ", LEVELS)));
			}
			else {
				Codes.one("needs." + area, level, LEVELS, errors);
				needs.put(area, level);
			}
		}
		return needs;
	}

	private List<Assessment> versions(UUID caseId) {
		return jdbc.sql("SELECT * FROM cases_assessment WHERE case_id = ? ORDER BY version DESC").param(caseId)
				.query((rs, n) -> assessment(rs)).list();
	}

	private Assessment assessment(ResultSet rs) throws SQLException {
		Map<String, String> needs = new LinkedHashMap<>();
		for (String area : AREAS) {
			needs.put(area, rs.getString(area));
		}
		String note = rs.getString("note");
		UUID id = rs.getObject("id", UUID.class);
		return new Assessment(rs.getInt("version"), needs, note == null ? null : cipher.open(note, NOTE.context(id)),
				rs.getString("state"), rs.getString("submitted_by"),
				Utc.instant(rs.getObject("submitted_at", OffsetDateTime.class)), rs.getString("approved_by"),
				Utc.instant(rs.getObject("approved_at", OffsetDateTime.class)));
	}
}
