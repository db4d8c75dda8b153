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
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Utc;

/**
 * The non-punishment measures a screening's determination implies (overstay fines waived, deportation or blacklisting
 * halted, compelled offences flagged to the prosecutor), tracked on the case: TO_REQUEST, then REQUESTED of an
 * authority, then DONE or REFUSED with its answer. The verification code of the screening's letter is attached to
 * them when the letter is issued. Whom a measure was asked of and what they answered are sealed.
 */
@Service
public class Measures {

	static final SealedColumn REQUESTED_TO = new SealedColumn("cases_measure", "id", "requested_to",
			"cases_measure.requested_to");

	static final SealedColumn ANSWER = new SealedColumn("cases_measure", "id", "answer", "cases_measure.answer");

	/** How an authority may answer a request. */
	public static final List<String> OUTCOMES = List.of("DONE", "REFUSED");

	private final JdbcClient jdbc;

	private final CareAccess care;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	Measures(JdbcClient jdbc, CareAccess care, Timeline timeline, FieldCipher cipher, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.care = care;
		this.timeline = timeline;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** One measure and where it stands. */
	public record Measure(UUID id, String measure, String state, String requestedTo, Instant requestedAt,
			String requestedBy, String answer, Instant answeredAt, String letterCode) {
	}

	@Transactional(readOnly = true)
	public List<Measure> list(Actor actor, UUID caseId) {
		care.read(actor, caseId, "measures");
		audit.record(AuditRecord.success("case.measure.read", "case", caseId));
		return jdbc.sql("SELECT * FROM cases_measure WHERE case_id = ? ORDER BY measure").param(caseId)
				.query((rs, n) -> measure(rs)).list();
	}

	/** Records that the measure was asked of an authority (TO_REQUEST to REQUESTED). */
	@Transactional
	public Measure request(Actor actor, UUID caseId, UUID measureId, String requestedTo) {
		care.work(actor, caseId, "measure");
		Measure measure = find(caseId, measureId);
		List<FieldError> errors = new ArrayList<>();
		String to = FreeText.required("requestedTo", requestedTo, 300, errors);
		Codes.throwIfAny(errors);
		requireState(measure, "TO_REQUEST", "request");
		jdbc.sql("""
				UPDATE cases_measure SET state = 'REQUESTED', requested_to = ?, requested_at = ?, requested_by = ?
				WHERE id = ?""")
				.params(cipher.seal(to, REQUESTED_TO.context(measureId)), Utc.now(clock), actor.name(), measureId)
				.update();
		return changed(actor, caseId, measureId, "measure.requested", "REQUESTED");
	}

	/** Records the authority's answer (REQUESTED to DONE or REFUSED). */
	@Transactional
	public Measure answer(Actor actor, UUID caseId, UUID measureId, String outcome, String answer) {
		care.work(actor, caseId, "measure");
		Measure measure = find(caseId, measureId);
		List<FieldError> errors = new ArrayList<>();
		if (outcome == null || outcome.isBlank()) {
			errors.add(new FieldError("outcome", "is required: DONE or REFUSED"));
		}
		Codes.one("outcome", outcome, OUTCOMES, errors);
		String text = FreeText.optional("answer", answer, 2000, errors);
		Codes.throwIfAny(errors);
		requireState(measure, "REQUESTED", "answer");
		jdbc.sql("UPDATE cases_measure SET state = ?, answer = ?, answered_at = ? WHERE id = ?")
				.params(outcome, text == null ? null : cipher.seal(text, ANSWER.context(measureId)), Utc.now(clock),
						measureId)
				.update();
		return changed(actor, caseId, measureId, "measure.answered", outcome);
	}

	/** Attaches a letter's verification code to the measures of the case opened from that screening, if any. */
	@Transactional
	public void letterIssued(UUID screeningId, UUID organisationId, String code) {
		jdbc.sql("SELECT id FROM cases_case WHERE screening_id = ? AND owner_organisation_id = ?")
				.params(screeningId, organisationId).query(UUID.class).optional().ifPresent(caseId -> {
					care.lock(caseId);
					int measures = jdbc.sql("UPDATE cases_measure SET letter_code = ? WHERE case_id = ?")
							.params(code, caseId).update();
					timeline.record(caseId, "tipx", organisationId, "measure.letter",
							Map.of("code", code, "measures", measures));
					care.changed(caseId);
					audit.recordFor("tipx", null, organisationId,
							AuditRecord.success("case.measure.letter", "case", caseId).withDetail(code));
				});
	}

	/** How many of the case's measures were requested and not answered yet. */
	int unanswered(UUID caseId) {
		return jdbc.sql("SELECT count(*) FROM cases_measure WHERE case_id = ? AND state = 'REQUESTED'").param(caseId)
				.query(Integer.class).single();
	}

	private Measure changed(Actor actor, UUID caseId, UUID measureId, String kind, String state) {
		Measure measure = find(caseId, measureId);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("measureId", measureId.toString());
		detail.put("measure", measure.measure());
		detail.put("state", state);
		timeline.record(caseId, actor, kind, detail);
		care.changed(caseId);
		audit.record(AuditRecord.success("case." + kind, "case", caseId).withDetail(measure.measure() + " " + state));
		return measure;
	}

	private static void requireState(Measure measure, String expected, String what) {
		if (!expected.equals(measure.state())) {
			throw new ConflictException("state", "cannot " + what + " a measure that is " + measure.state()
					+ "; it must be " + expected);
		}
	}

	private Measure find(UUID caseId, UUID measureId) {
		return jdbc.sql("SELECT * FROM cases_measure WHERE id = ? AND case_id = ?").params(measureId, caseId)
				.query((rs, n) -> measure(rs)).optional().orElseThrow(() -> new NotFoundException("Measure"));
	}

	private Measure measure(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String to = rs.getString("requested_to");
		String answer = rs.getString("answer");
		return new Measure(id, rs.getString("measure"), rs.getString("state"),
				to == null ? null : cipher.open(to, REQUESTED_TO.context(id)),
				Utc.instant(rs.getObject("requested_at", OffsetDateTime.class)), rs.getString("requested_by"),
				answer == null ? null : cipher.open(answer, ANSWER.context(id)),
				Utc.instant(rs.getObject("answered_at", OffsetDateTime.class)), rs.getString("letter_code"));
	}
}
