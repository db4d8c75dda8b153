package org.tipx.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.Actor;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Utc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts of the officer's web interview: saved on every answer so an interview can be paused, resumed, or left at
 * once and picked up later. A draft is the officer's own: no one else, not even a colleague, opens it. Its answers
 * and the interpreter's name are sealed; drafts not touched for {@code tipx.screening.draft-lifetime} are deleted.
 * Finishing a draft scores it through {@link Screenings} like any other interview.
 */
@Service
public class ScreeningDrafts {

	private static final Logger log = LoggerFactory.getLogger(ScreeningDrafts.class);

	static final SealedColumn ANSWERS_COLUMN = new SealedColumn("screening_draft", "id", "answers",
			"screening_draft.answers");

	static final SealedColumn INTERPRETER_COLUMN = new SealedColumn("screening_draft", "id", "interpreter",
			"screening_draft.interpreter");

	static final SealedColumn SCREENING_INTERPRETER_COLUMN = new SealedColumn("screening_interpreter",
			"screening_id", "interpreter", "screening_interpreter.interpreter");

	/** Longest interpreter's name or organisation accepted. */
	static final int MAX_INTERPRETER = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {
	};

	private final ScreeningCatalogue catalogue;

	private final Screenings screenings;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration lifetime;

	ScreeningDrafts(ScreeningCatalogue catalogue, Screenings screenings, JdbcClient jdbc, FieldCipher cipher,
			AuditTrail audit, Clock clock, @Value("${tipx.screening.draft-lifetime:P7D}") Duration lifetime) {
		this.catalogue = catalogue;
		this.screenings = screenings;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/**
	 * Starts an interview.
	 *
	 * @param interpreter who interprets, or null when no one does
	 * @throws InvalidInputException naming the field, for a language the form does not have or a missing name
	 */
	@Transactional
	public Draft start(Actor actor, String officerLanguage, String intervieweeLanguage, Interpreter interpreter) {
		UUID officer = actor.accountId().orElseThrow(() -> new InvalidInputException("actor",
				"a web interview is run by a person signed in"));
		ScreeningForm form = catalogue.current();
		FormLanguage officerIn = form.language(officerLanguage)
				.orElseThrow(() -> new InvalidInputException("officerLanguage", "is not a language of the form"));
		FormLanguage personIn = form.language(intervieweeLanguage)
				.orElseThrow(() -> new InvalidInputException("intervieweeLanguage", "is not a language of the form"));
		UUID id = UUID.randomUUID();
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("interpreter_used", interpreter == null ? "no" : "yes");
		WebInterview.Walk walk = WebInterview.walk(form, answers, officerIn, personIn);
		String firstGroup = walk.groups().get(0).name();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO screening_draft (id, organisation_id, officer, officer_name, answered, questions, form_id,
				  form_version, officer_language, interviewee_language, answers, interpreter, current_group, created_at,
				  updated_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
				.params(id, actor.organisationId(), officer, actor.name(), walk.answered(), walk.asked(), form.formId(),
						form.version(), officerIn.code(),
						personIn.code(), cipher.seal(JSON.writeValueAsString(answers), ANSWERS_COLUMN.context(id)),
						interpreter == null ? null
								: cipher.seal(interpreter.text(), INTERPRETER_COLUMN.context(id)),
						firstGroup, Utc.at(now), Utc.at(now))
				.update();
		audit.record(AuditRecord.success("screening.draft.create", "screening_draft", id)
				.withDetail(officerIn.code() + " / " + personIn.code()
						+ (interpreter == null ? ", no interpreter" : ", interpreted")));
		return new Draft(id, form.version(), officerIn, personIn, answers, interpreter == null ? null
				: interpreter.text(), firstGroup, now, now);
	}

	/**
	 * Paused interviews, most recently touched first, without their answers: the officer's own, or, for an
	 * organisation's administrator, the whole organisation's (which they may discard but never open).
	 */
	@Transactional(readOnly = true)
	public List<Paused> paused(Actor actor, boolean organisationWide) {
		ScreeningForm form = catalogue.current();
		UUID account = actor.accountId().orElse(null);
		return jdbc.sql("""
				SELECT id, officer, officer_name, answered, questions, form_version, officer_language,
				  interviewee_language, current_group, created_at, updated_at
				FROM screening_draft WHERE organisation_id = ? AND (? OR officer = ?) ORDER BY updated_at DESC""")
				.params(actor.organisationId(), organisationWide, account)
				.query((rs, n) -> new Paused(new Draft(rs.getObject("id", UUID.class), rs.getString("form_version"),
						language(form, rs.getString("officer_language")),
						language(form, rs.getString("interviewee_language")), Map.of(), null,
						rs.getString("current_group"), instant(rs, "created_at"), instant(rs, "updated_at")),
						rs.getString("officer_name"), rs.getObject("officer", UUID.class).equals(account),
						(Integer) rs.getObject("answered"), (Integer) rs.getObject("questions")))
				.list();
	}

	/**
	 * Discards a paused interview: its answers are deleted. The officer who started it may, and so may an
	 * administrator of its organisation.
	 *
	 * @throws NotFoundException when there is no such draft, or the caller may not discard it (the same answer)
	 */
	@Transactional
	public void discard(Actor actor, UUID id, boolean organisationAdmin) {
		int deleted = jdbc.sql("DELETE FROM screening_draft WHERE id = ? AND organisation_id = ? AND (? OR officer = ?)")
				.params(id, actor.organisationId(), organisationAdmin, actor.accountId().orElse(null)).update();
		if (deleted == 0) {
			if (jdbc.sql("SELECT count(*) FROM screening_draft WHERE id = ?").param(id).query(Long.class).single() > 0) {
				audit.record(AuditRecord.denied("screening.draft.discard", "screening_draft", id,
						"another officer's draft"));
			}
			throw new NotFoundException("No draft " + id + " you may discard");
		}
		audit.record(AuditRecord.success("screening.draft.discard", "screening_draft", id));
	}

	/**
	 * A paused interview as listed.
	 *
	 * @param startedBy who started it (null for drafts saved before this was kept)
	 * @param own       whether the caller started it (only they may resume it)
	 * @param answered  questions answered so far, or null when not known
	 * @param questions questions the skip logic asks so far, or null when not known
	 */
	public record Paused(Draft draft, String startedBy, boolean own, Integer answered, Integer questions) {
	}

	/**
	 * One of the officer's drafts, with its answers.
	 *
	 * @throws NotFoundException when there is no such draft or it is someone else's (the same answer, so another
	 *                           officer learns nothing about it)
	 */
	@Transactional(readOnly = true)
	public Draft open(Actor actor, UUID id) {
		return find(actor, id, "");
	}

	/**
	 * As {@link #open}, and holds the draft until the caller's transaction ends, so that two answers sent at once
	 * (an autosave still on its way when Next is pressed) are applied one after the other, never one over the other.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Draft lock(Actor actor, UUID id) {
		return find(actor, id, " FOR UPDATE");
	}

	private Draft find(Actor actor, UUID id, String lock) {
		ScreeningForm form = catalogue.current();
		return jdbc.sql("""
				SELECT id, form_version, officer_language, interviewee_language, answers, interpreter, current_group,
				  created_at, updated_at
				FROM screening_draft WHERE id = ? AND organisation_id = ? AND officer = ?""" + lock)
				.params(id, actor.organisationId(), actor.accountId().orElse(null))
				.query((rs, n) -> new Draft(id, rs.getString("form_version"),
						language(form, rs.getString("officer_language")),
						language(form, rs.getString("interviewee_language")),
						JSON.readValue(cipher.open(rs.getString("answers"), ANSWERS_COLUMN.context(id)), ANSWERS),
						rs.getString("interpreter") == null ? null
								: cipher.open(rs.getString("interpreter"), INTERPRETER_COLUMN.context(id)),
						rs.getString("current_group"), instant(rs, "created_at"), instant(rs, "updated_at")))
				.optional().orElseThrow(() -> refused(id));
	}

	/** Someone else's draft, or none: the same answer; an attempt on an existing draft is audited as refused. */
	private NotFoundException refused(UUID id) {
		if (jdbc.sql("SELECT count(*) FROM screening_draft WHERE id = ?").param(id).query(Long.class).single() > 0) {
			audit.record(AuditRecord.denied("screening.draft.read", "screening_draft", id, "another officer's draft"));
		}
		return new NotFoundException("No draft " + id + " of yours");
	}

	/** Opens one of the officer's drafts to show it: as {@link #open}, and the read of its answers is audited. */
	@Transactional(readOnly = true)
	public Draft read(Actor actor, UUID id) {
		Draft draft = open(actor, id);
		audit.record(AuditRecord.success("screening.draft.read", "screening_draft", id));
		return draft;
	}

	/** Saves the draft's answers, how far it got ({@code answered} of {@code questions}) and the group the officer is on. */
	@Transactional
	public void save(Actor actor, UUID id, Map<String, String> answers, String currentGroup, int answered,
			int questions) {
		int updated = jdbc.sql("""
				UPDATE screening_draft SET answers = ?, current_group = ?, answered = ?, questions = ?, updated_at = ?
				WHERE id = ? AND organisation_id = ? AND officer = ?""")
				.params(cipher.seal(JSON.writeValueAsString(answers), ANSWERS_COLUMN.context(id)), currentGroup,
						answered, questions,
						Utc.at(clock.instant()), id, actor.organisationId(), actor.accountId().orElse(null))
				.update();
		if (updated == 0) {
			throw new NotFoundException("No draft " + id + " of yours");
		}
	}

	/**
	 * Scores the draft as a web screening, records who interpreted, and deletes the draft.
	 *
	 * @throws InvalidInputException naming the question, when the engine refuses an answer (the draft stays)
	 */
	@Transactional
	public Screenings.Submitted finish(Actor actor, UUID id) {
		Draft draft = open(actor, id);
		Screenings.Submitted submitted = screenings.submit(actor, new NewScreening(ScreeningCatalogue.FORM_ID,
				draft.formVersion(), draft.officerLanguage().code(), draft.answers(), null, NewScreening.Source.WEB,
				null));
		UUID screening = submitted.screening().id();
		if (draft.interpreter() != null) {
			jdbc.sql("INSERT INTO screening_interpreter (screening_id, interpreter) VALUES (?, ?)")
					.params(screening, cipher.seal(draft.interpreter(),
							SCREENING_INTERPRETER_COLUMN.context(screening)))
					.update();
		}
		jdbc.sql("DELETE FROM screening_draft WHERE id = ?").param(id).update();
		audit.record(AuditRecord.success("screening.draft.finish", "screening_draft", id)
				.withDetail("screening " + screening));
		return submitted;
	}

	/**
	 * Who interpreted a web screening of the officer's organisation, if anyone did; the caller has read (and audited)
	 * the screening itself.
	 */
	@Transactional(readOnly = true)
	public Optional<String> interpreter(Actor officer, UUID screeningId) {
		return jdbc.sql("""
				SELECT i.interpreter FROM screening_interpreter i JOIN screening s ON s.id = i.screening_id
				WHERE i.screening_id = ? AND s.organisation_id = ?""").params(screeningId, officer.organisationId())
				.query(String.class).optional()
				.map(sealed -> cipher.open(sealed, SCREENING_INTERPRETER_COLUMN.context(screeningId)));
	}

	/** Deletes drafts nobody has touched for longer than the draft lifetime. */
	@Scheduled(fixedDelayString = "${tipx.screening.draft-sweep:PT1H}", initialDelayString = "PT1M")
	@Transactional
	public int deleteStale() {
		int deleted = jdbc.sql("DELETE FROM screening_draft WHERE updated_at < ?")
				.param(Utc.at(clock.instant().minus(lifetime))).update();
		if (deleted > 0) {
			log.info("Deleted {} screening drafts not touched for {}", deleted, lifetime);
		}
		return deleted;
	}

	private static FormLanguage language(ScreeningForm form, String code) {
		return form.language(code).orElse(form.english());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/**
	 * Who interprets an interview.
	 *
	 * @param name         the interpreter's name
	 * @param organisation the organisation they work for, or blank
	 */
	public record Interpreter(String name, String organisation) {

		public Interpreter {
			if (name == null || name.isBlank()) {
				throw new InvalidInputException("interpreterName", "is required when an interpreter helps");
			}
			if (name.length() > MAX_INTERPRETER || (organisation != null && organisation.length() > MAX_INTERPRETER)) {
				throw new InvalidInputException("interpreterName", "is longer than " + MAX_INTERPRETER
						+ " characters");
			}
			name = name.strip();
			organisation = organisation == null ? "" : organisation.strip();
		}

		/** As recorded: the name, and the organisation in brackets. */
		String text() {
			return organisation.isEmpty() ? name : name + " (" + organisation + ")";
		}
	}

	/**
	 * A draft interview.
	 *
	 * @param answers      answers so far by question name (empty in a list of drafts)
	 * @param interpreter  who interprets, as recorded, or null
	 * @param currentGroup the group the officer is on
	 */
	public record Draft(UUID id, String formVersion, FormLanguage officerLanguage, FormLanguage intervieweeLanguage,
			Map<String, String> answers, String interpreter, String currentGroup, Instant createdAt,
			Instant updatedAt) {
	}
}
