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
 * Tasks on a case, each due on a date, for one case worker of the owning organisation or for its whole team when
 * unassigned: written by a case worker, or raised by tipx (a rising re-recruitment risk). A case worker's list holds
 * the open tasks of their organisation's cases that are theirs or nobody's, the overdue first.
 */
@Service
public class Tasks {

	static final SealedColumn TITLE = new SealedColumn("cases_task", "id", "title", "cases_task.title");

	/** Origin of a task a person wrote. */
	public static final String MANUAL = "MANUAL";

	private static final int LIST_LIMIT = 500;

	private final JdbcClient jdbc;

	private final CareAccess care;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	Tasks(JdbcClient jdbc, CareAccess care, Timeline timeline, FieldCipher cipher, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.care = care;
		this.timeline = timeline;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** A task as a case worker writes it; {@code assignedTo} (an account id) is optional. */
	public record NewTask(String title, LocalDate dueOn, UUID assignedTo) {
	}

	/** A task; {@code overdue} when open past its due date. */
	public record Task(UUID id, UUID caseId, String caseReference, String title, String origin, LocalDate dueOn,
			UUID assignedTo, String state, boolean overdue, String createdBy, Instant createdAt, String doneBy,
			Instant doneAt) {
	}

	/** The open tasks of the caller's organisation's cases that are the caller's or nobody's, soonest due first. */
	@Transactional(readOnly = true)
	public List<Task> mine(Actor actor, boolean overdueOnly) {
		if (!CaseRoles.current().any()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		String sql = """
				SELECT t.*, c.reference FROM cases_task t JOIN cases_case c ON c.id = t.case_id
				WHERE c.owner_organisation_id = ? AND t.state = 'OPEN' AND (t.assigned_to IS NULL OR t.assigned_to = ?)
				""" + (overdueOnly ? " AND t.due_on < ?" : " AND ?::date IS NOT NULL")
				+ " ORDER BY t.due_on, t.created_at, t.id LIMIT " + LIST_LIMIT;
		List<Task> tasks = jdbc.sql(sql)
				.params(actor.organisationId(), actor.accountId().orElse(new UUID(0, 0)), today)
				.query((rs, n) -> task(rs, today)).list();
		audit.record(AuditRecord.success("case.task.list", "task", null)
				.withDetail(tasks.size() + (overdueOnly ? " overdue" : " open")));
		return tasks;
	}

	/** Every task of a case, open ones first. */
	@Transactional(readOnly = true)
	public List<Task> ofCase(Actor actor, UUID caseId) {
		care.read(actor, caseId, "tasks");
		LocalDate today = LocalDate.now(clock);
		audit.record(AuditRecord.success("case.task.read", "case", caseId));
		return jdbc.sql("""
				SELECT t.*, c.reference FROM cases_task t JOIN cases_case c ON c.id = t.case_id WHERE t.case_id = ?
				ORDER BY t.state = 'OPEN' DESC, t.due_on, t.created_at, t.id""").param(caseId)
				.query((rs, n) -> task(rs, today)).list();
	}

	/**
	 * Adds a task to a case.
	 *
	 * @throws org.tipx.shared.InvalidInputException naming each field that breaks a rule; nothing is stored
	 */
	@Transactional
	public Task add(Actor actor, UUID caseId, NewTask task) {
		care.work(actor, caseId, "task");
		List<FieldError> errors = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		String title = FreeText.required("title", task == null ? null : task.title(), 200, errors);
		LocalDate dueOn = task == null ? null : task.dueOn();
		// a task noted from paper may already be late: up to a year back
		if (dueOn == null) {
			errors.add(new FieldError("dueOn", "is required"));
		}
		else if (dueOn.isBefore(today.minusYears(1)) || dueOn.isAfter(today.plusYears(5))) {
			errors.add(new FieldError("dueOn", "must be between a year ago and five years ahead"));
		}
		Codes.throwIfAny(errors);
		UUID id = insert(actor, caseId, MANUAL, title, dueOn, task.assignedTo());
		return find(id, today);
	}

	/** Raises a task from tipx's own rules, inside the change that calls for it (the case is locked). */
	UUID raise(Actor actor, UUID caseId, String origin, String title, LocalDate dueOn) {
		return insert(actor, caseId, origin, title, dueOn, null);
	}

	/** Marks an open task of the caller's organisation done. */
	@Transactional
	public Task done(Actor actor, UUID taskId) {
		UUID caseId = jdbc.sql("SELECT case_id FROM cases_task WHERE id = ?").param(taskId).query(UUID.class)
				.optional().orElseThrow(() -> new NotFoundException("Task"));
		care.work(actor, caseId, "task");
		String state = jdbc.sql("SELECT state FROM cases_task WHERE id = ?").param(taskId).query(String.class)
				.single();
		if (!"OPEN".equals(state)) {
			throw new ConflictException("state", "the task is " + state + " already");
		}
		jdbc.sql("UPDATE cases_task SET state = 'DONE', done_by = ?, done_at = ? WHERE id = ?")
				.params(actor.name(), Utc.now(clock), taskId).update();
		timeline.record(caseId, actor, "task.done", Map.of("taskId", taskId.toString()));
		care.changed(caseId);
		audit.record(AuditRecord.success("case.task.done", "case", caseId).withDetail("task " + taskId));
		return find(taskId, LocalDate.now(clock));
	}

	/** Cancels the case's open tasks, when it closes; how many. */
	int cancelOpen(UUID caseId) {
		return jdbc.sql("UPDATE cases_task SET state = 'CANCELLED' WHERE case_id = ? AND state = 'OPEN'")
				.param(caseId).update();
	}

	private UUID insert(Actor actor, UUID caseId, String origin, String title, LocalDate dueOn, UUID assignedTo) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO cases_task (id, case_id, title, origin, due_on, assigned_to, state, created_by, created_at)
				VALUES (?,?,?,?,?,?,'OPEN',?,?)""")
				.params(id, caseId, cipher.seal(title, TITLE.context(id)), origin, dueOn, assignedTo, actor.name(),
						Utc.now(clock))
				.update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("taskId", id.toString());
		detail.put("origin", origin);
		detail.put("dueOn", dueOn.toString());
		detail.put("assigned", assignedTo != null);
		timeline.record(caseId, actor, "task.added", detail);
		care.changed(caseId);
		audit.record(AuditRecord.success("case.task.add", "case", caseId).withDetail(origin + " task " + id));
		return id;
	}

	private Task find(UUID id, LocalDate today) {
		return jdbc.sql("SELECT t.*, c.reference FROM cases_task t JOIN cases_case c ON c.id = t.case_id"
				+ " WHERE t.id = ?").param(id).query((rs, n) -> task(rs, today)).single();
	}

	private Task task(ResultSet rs, LocalDate today) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		LocalDate dueOn = rs.getDate("due_on").toLocalDate();
		String state = rs.getString("state");
		return new Task(id, rs.getObject("case_id", UUID.class), rs.getString("reference"),
				cipher.open(rs.getString("title"), TITLE.context(id)), rs.getString("origin"), dueOn,
				rs.getObject("assigned_to", UUID.class), state, "OPEN".equals(state) && dueOn.isBefore(today),
				rs.getString("created_by"), Utc.instant(rs.getObject("created_at", OffsetDateTime.class)),
				rs.getString("done_by"), Utc.instant(rs.getObject("done_at", OffsetDateTime.class)));
	}
}
