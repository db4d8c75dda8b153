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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.Actor;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.Utc;

/**
 * Follow-up visits after a person's return, each with the re-recruitment risk check. The latest visit's risk is the
 * case's; when a visit's risk is higher than the previous visit's, or HIGH, a task to act on it is raised for the team,
 * due in three days, and the rise is written to the timeline.
 */
@Service
public class Visits {

	static final SealedColumn NOTE = new SealedColumn("cases_visit", "id", "note", "cases_visit.note");

	/** Days the team has to act on a rising risk. */
	static final int RISK_TASK_DAYS = 3;

	private final JdbcClient jdbc;

	private final CareAccess care;

	private final Tasks tasks;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	Visits(JdbcClient jdbc, CareAccess care, Tasks tasks, Timeline timeline, FieldCipher cipher, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.care = care;
		this.tasks = tasks;
		this.timeline = timeline;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** A visit as a case worker records it. */
	public record NewVisit(LocalDate visitedOn, String jobOffers, String debtPressure, String recruiterContact,
			String intentToMigrate, String note) {
	}

	/** A recorded visit; {@code riskTaskId} is the task its rising risk raised, if any. */
	public record Visit(UUID id, LocalDate visitedOn, String jobOffers, String debtPressure, String recruiterContact,
			String intentToMigrate, String risk, String note, String recordedBy, Instant recordedAt,
			UUID riskTaskId) {
	}

	@Transactional(readOnly = true)
	public List<Visit> list(Actor actor, UUID caseId) {
		care.read(actor, caseId, "visits");
		audit.record(AuditRecord.success("case.visit.read", "case", caseId));
		return jdbc.sql("SELECT * FROM cases_visit WHERE case_id = ? ORDER BY visited_on DESC, recorded_at DESC")
				.param(caseId).query((rs, n) -> visit(rs, null)).list();
	}

	/**
	 * Records a visit and its risk; raises a task when the risk rises.
	 *
	 * @throws org.tipx.shared.InvalidInputException naming each field that breaks a rule; nothing is stored
	 */
	@Transactional
	public Visit record(Actor actor, UUID caseId, NewVisit visit) {
		care.work(actor, caseId, "visit");
		List<FieldError> errors = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		if (visit == null) {
			visit = new NewVisit(null, null, null, null, null, null);
		}
		if (visit.visitedOn() == null) {
			errors.add(new FieldError("visitedOn", "is required"));
		}
		else if (visit.visitedOn().isAfter(today) || visit.visitedOn().isBefore(today.minusYears(2))) {
			errors.add(new FieldError("visitedOn", "must be a date in the last two years, not after today"));
		}
		required("jobOffers", visit.jobOffers(), RecruitmentRisk.JOB_OFFERS, errors);
		required("debtPressure", visit.debtPressure(), RecruitmentRisk.DEBT_PRESSURE, errors);
		required("recruiterContact", visit.recruiterContact(), RecruitmentRisk.RECRUITER_CONTACT, errors);
		required("intentToMigrate", visit.intentToMigrate(), RecruitmentRisk.INTENT_TO_MIGRATE, errors);
		String note = FreeText.optional("note", visit.note(), 4000, errors);
		Codes.throwIfAny(errors);
		String risk = new RecruitmentRisk(visit.jobOffers(), visit.debtPressure(), visit.recruiterContact(),
				visit.intentToMigrate()).level();
		Optional<String> previous = jdbc.sql("""
				SELECT risk FROM cases_visit WHERE case_id = ? ORDER BY visited_on DESC, recorded_at DESC LIMIT 1""")
				.param(caseId).query(String.class).optional();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO cases_visit (id, case_id, visited_on, job_offers, debt_pressure, recruiter_contact,
				  intent_to_migrate, risk, note, recorded_by, recorded_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
				.params(id, caseId, visit.visitedOn(), visit.jobOffers(), visit.debtPressure(),
						visit.recruiterContact(), visit.intentToMigrate(), risk,
						note == null ? null : cipher.seal(note, NOTE.context(id)), actor.name(), Utc.now(clock))
				.update();
		// the case's risk is that of its latest visit, which may not be this one if it was recorded late
		jdbc.sql("""
				UPDATE cases_case SET risk = (SELECT risk FROM cases_visit WHERE case_id = ?
				  ORDER BY visited_on DESC, recorded_at DESC LIMIT 1) WHERE id = ?""").params(caseId, caseId).update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("visitId", id.toString());
		detail.put("risk", risk);
		detail.put("previousRisk", previous.orElse(null));
		timeline.record(caseId, actor, "visit.recorded", detail);
		UUID taskId = null;
		if (RecruitmentRisk.rose(previous.orElse(null), risk) || "HIGH".equals(risk)) {
			taskId = tasks.raise(actor, caseId, "RISK_RISING", "Re-recruitment risk " + risk + ": act on it",
					today.plusDays(RISK_TASK_DAYS));
			Map<String, Object> rising = new LinkedHashMap<>();
			rising.put("visitId", id.toString());
			rising.put("risk", risk);
			rising.put("previousRisk", previous.orElse(null));
			rising.put("taskId", taskId.toString());
			timeline.record(caseId, actor, "risk.rising", rising);
		}
		care.changed(caseId);
		audit.record(AuditRecord.success("case.visit.record", "case", caseId).withDetail("risk " + risk));
		UUID raised = taskId;
		return jdbc.sql("SELECT * FROM cases_visit WHERE id = ?").param(id).query((rs, n) -> visit(rs, raised))
				.single();
	}

	private static void required(String field, String value, List<String> vocabulary, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "is required: one of " + String.join(", ", vocabulary)));
		}
		else {
			Codes.one(field, value, vocabulary, errors);
		}
	}

	private Visit visit(ResultSet rs, UUID riskTaskId) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String note = rs.getString("note");
		return new Visit(id, rs.getDate("visited_on").toLocalDate(), rs.getString("job_offers"),
				rs.getString("debt_pressure"), rs.getString("recruiter_contact"), rs.getString("intent_to_migrate"),
				rs.getString("risk"), note == null ? null : cipher.open(note, NOTE.context(id)),
				rs.getString("recorded_by"), Utc.instant(rs.getObject("recorded_at", OffsetDateTime.class)),
				riskTaskId);
	}
}
