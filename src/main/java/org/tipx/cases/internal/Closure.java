package org.tipx.cases.internal;

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
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.Utc;

/**
 * Closes a case, by an administrator of the owning organisation only. Non-punishment stays enforced to the end: while
 * a measure was requested and not answered the case stays open, unless the supervisor overrides that with a written
 * reason. The reason is sealed; the case's open tasks are cancelled; a closed case refuses every change.
 */
@Service
public class Closure {

	static final SealedColumn REASON = new SealedColumn("cases_case", "id", "closure_reason",
			"cases_case.closure_reason");

	private final JdbcClient jdbc;

	private final CareAccess care;

	private final Measures measures;

	private final Tasks tasks;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	Closure(JdbcClient jdbc, CareAccess care, Measures measures, Tasks tasks, Timeline timeline, FieldCipher cipher,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.care = care;
		this.measures = measures;
		this.tasks = tasks;
		this.timeline = timeline;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** The supervisor's decision to close; {@code override} closes despite unanswered measures, with a reason. */
	public record Close(String reason, Boolean override) {
	}

	/** A closed case. */
	public record Closed(UUID caseId, String status, Instant closedAt, String closedBy, boolean overrode,
			int unansweredMeasures, int cancelledTasks) {
	}

	/** How many measures would hold the closure back now; for the closure page. */
	@Transactional(readOnly = true)
	public int unansweredMeasures(Actor actor, UUID caseId) {
		care.read(actor, caseId, "closure");
		return measures.unanswered(caseId);
	}

	/**
	 * Closes the case.
	 *
	 * @throws ConflictException     (field {@code measures}) while a measure is unanswered and no override is given
	 * @throws InvalidInputException (field {@code reason}) for an override without a reason
	 */
	@Transactional
	public Closed close(Actor actor, UUID caseId, Close close) {
		care.supervise(actor, caseId, "closure");
		boolean override = close != null && Boolean.TRUE.equals(close.override());
		List<FieldError> errors = new ArrayList<>();
		String reason = FreeText.optional("reason", close == null ? null : close.reason(), 2000, errors);
		if (override && reason == null) {
			errors.add(new FieldError("reason", "is required to close a case despite unanswered measures"));
		}
		Codes.throwIfAny(errors);
		int unanswered = measures.unanswered(caseId);
		if (unanswered > 0 && !override) {
			throw new ConflictException("measures", unanswered + " non-punishment measure(s) requested and not "
					+ "answered yet: record the answers, or override with a reason");
		}
		OffsetDateTime now = Utc.now(clock);
		jdbc.sql("""
				UPDATE cases_case SET status = 'CLOSED', closed_at = ?, closed_by = ?, closure_reason = ?,
				  closure_overrode = ? WHERE id = ?""")
				.params(now, actor.name(), reason == null ? null : cipher.seal(reason, Cases.closureContext(caseId)),
						unanswered > 0, caseId)
				.update();
		int cancelled = tasks.cancelOpen(caseId);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("overrode", unanswered > 0);
		detail.put("unansweredMeasures", unanswered);
		detail.put("cancelledTasks", cancelled);
		timeline.record(caseId, actor, "case.closed", detail);
		care.changed(caseId);
		audit.record(AuditRecord.success("case.close", "case", caseId)
				.withDetail(unanswered > 0 ? "overriding " + unanswered + " unanswered measure(s)" : "closed"));
		return new Closed(caseId, "CLOSED", now.toInstant(), actor.name(), unanswered > 0, unanswered, cancelled);
	}
}
