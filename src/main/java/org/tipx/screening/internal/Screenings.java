package org.tipx.screening.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.screening.Outcome;
import org.tipx.screening.ScreeningCompleted;
import org.tipx.screening.ScreeningCompleted.CodedProfile;
import org.tipx.screening.ScreeningCompleted.Consent;
import org.tipx.screening.internal.InterviewRun.Result;
import org.tipx.screening.internal.Scoring.Determination;
import org.tipx.screening.internal.Scoring.Reason;
import org.tipx.screening.internal.Scoring.Step;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records screenings: runs each interview through the engine, scores it with its form version's rules, stores the
 * coded answers in the clear and the identifying ones sealed, audits every write and read, and publishes
 * {@link ScreeningCompleted}.
 */
@Service
public class Screenings {

	/** Answers that identify the person: sealed at rest, never in an event or a statistic. */
	static final Set<String> PERSONAL = Set.of("full_name", "document_number", "contact", "statement");

	static final List<String> PROFILE = List.of("nationality", "age_band", "gender", "languages", "country_held",
			"date_left", "interpreter_used");

	static final List<String> CONSENTS = List.of("assistance", "referral", "shareWithCountryOfNationality", "research");

	static final SealedColumn PERSONAL_COLUMN = new SealedColumn("screening", "id", "personal", "screening.personal");

	static final SealedColumn INSTANCE_COLUMN = new SealedColumn("screening", "id", "instance_xml",
			"screening.instance_xml");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ScreeningCatalogue catalogue;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Screenings(ScreeningCatalogue catalogue, JdbcClient jdbc, FieldCipher cipher, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.catalogue = catalogue;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The outcome of a submission: the screening, and whether it repeats one already received. */
	public record Submitted(ScreeningView screening, boolean replay) {
	}

	/**
	 * Scores and records an interview.
	 *
	 * @throws InvalidInputException naming the question, when the engine refuses an answer
	 * @throws ConflictException     when a device sends an instance id already received with other content
	 */
	@Transactional
	public Submitted submit(Actor actor, NewScreening request) {
		ScreeningForm form = catalogue.form(request.formId(), request.formVersion());
		List<String> warnings = new ArrayList<>();
		FormLanguage language = language(form, request.language(), warnings);
		Map<String, String> answers = new LinkedHashMap<>(request.answers());
		String deviceInstanceId = null;
		String digest = null;
		if (request.submitted() != null) {
			deviceInstanceId = answers.remove("instanceID");
			if (deviceInstanceId == null || deviceInstanceId.isBlank()) {
				throw new InvalidInputException("instanceID", "is required in meta/instanceID");
			}
			digest = sha256(request.submitted());
			Optional<Submitted> replay = replay(actor, deviceInstanceId, digest);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		if (request.consent() != null) {
			List<FieldError> misplaced = CONSENTS.stream().filter(answers::containsKey)
					.map(name -> new FieldError(name, "consent goes in the consent object, not among the answers"))
					.toList();
			if (!misplaced.isEmpty()) {
				throw new InvalidInputException(misplaced);
			}
			Consent given = request.consent();
			answers.put("assistance", yesNo(given.assistance()));
			answers.put("referral", yesNo(given.referral()));
			answers.put("shareWithCountryOfNationality", yesNo(given.shareWithCountryOfNationality()));
			answers.put("research", yesNo(given.research()));
		}
		Result run = InterviewRun.run(form, language, answers);
		if (!run.accepted()) {
			throw new InvalidInputException(run.errors().stream()
					.map(e -> CONSENTS.contains(e.field()) && request.consent() != null
							? new FieldError("consent." + e.field(), e.message()) : e)
					.toList());
		}
		warnings.addAll(run.warnings());
		Map<String, String> values = run.values();
		Consent consent = new Consent(yes(values, "assistance"), yes(values, "referral"),
				yes(values, "shareWithCountryOfNationality"), yes(values, "research"));
		Set<String> consents = new LinkedHashSet<>();
		CONSENTS.stream().filter(name -> yes(values, name)).forEach(consents::add);
		Determination determination = Scoring.score(catalogue.rules(form), values, consents, language.code());

		UUID id = UUID.randomUUID();
		String instanceId = deviceInstanceId != null ? deviceInstanceId : values.get("instanceID");
		byte[] instance = request.submitted() != null ? request.submitted() : run.instance();
		if (digest == null) {
			digest = sha256(instance);
		}
		Map<String, String> personal = new LinkedHashMap<>();
		Map<String, String> indicators = new LinkedHashMap<>();
		Map<String, String> profile = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (PERSONAL.contains(name)) {
				personal.put(name, value);
			}
			else if (PROFILE.contains(name)) {
				profile.put(name, value);
			}
			else if (name.matches("[A-I]\\d(_which)?")) {
				indicators.put(name, value);
			}
		});
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO screening (id, organisation_id, screened_by, actor, source, form_id, form_version, language,
				  instance_id, submission_digest, outcome, forced_criminality, non_punishment, measures, next_steps,
				  reasons, indicators, profile, consent_assistance, consent_referral, consent_share, consent_research,
				  personal, instance_xml, created_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?::jsonb,?,?,?,?,?,?,?)""")
				.params(id, actor.organisationId(), actor.accountId().orElse(null), actor.name(),
						request.source().name(), form.formId(), form.version(), language.code(), instanceId, digest,
						determination.outcome().name(), determination.forcedCriminality(),
						determination.nonPunishment(), determination.nonPunishmentMeasures().toArray(String[]::new),
						determination.nextSteps().stream().map(Step::code).toArray(String[]::new),
						JSON.writeValueAsString(determination.reasons()), JSON.writeValueAsString(indicators),
						JSON.writeValueAsString(profile), consent.assistance(), consent.referral(),
						consent.shareWithCountryOfNationality(), consent.research(),
						personal.isEmpty() ? null
								: cipher.seal(JSON.writeValueAsString(personal), PERSONAL_COLUMN.context(id)),
						cipher.seal(new String(instance, StandardCharsets.UTF_8), INSTANCE_COLUMN.context(id)),
						OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.update();
		audit.record(AuditRecord.success("screening.create", "screening", id)
				.withDetail(determination.outcome() + " via " + request.source()));
		events.publishEvent(new ScreeningCompleted(id, actor.organisationId(), form.formId(), form.version(),
				determination.outcome(), determination.forcedCriminality(), determination.nonPunishment(),
				determination.nonPunishmentMeasures(), consent, codedProfile(profile), now));
		ScreeningRules rules = catalogue.rules(form);
		String textLanguage = rules.textLanguage(language.code());
		return new Submitted(new ScreeningView(id, form.formId(), form.version(), instanceId, language.code(),
				language.reviewStatus(), determination.outcome(), determination.forcedCriminality(),
				determination.nonPunishment(), determination.nonPunishmentMeasures(), determination.reasons(),
				determination.nextSteps(), consent, List.copyOf(warnings), now, Decision.PENDING,
				determination.inconclusive(), determination.inconclusiveReason(), textLanguage,
				rules.draft(textLanguage) ? "draft" : "source"), false);
	}

	/** Reads a screening of the caller's organisation, its texts in its own language; every read is audited. */
	@Transactional(readOnly = true)
	public ScreeningView read(Actor actor, UUID id) {
		return read(actor, id, null);
	}

	/**
	 * Reads a screening of the caller's organisation with its reasons and next steps in {@code textLanguage} (any
	 * language of the form; null or another: the screening's own); every read is audited.
	 */
	@Transactional(readOnly = true)
	public ScreeningView read(Actor actor, UUID id, String textLanguage) {
		ScreeningView view = find(id, actor.organisationId(), textLanguage)
				.orElseThrow(() -> new NotFoundException("No screening " + id + " in your organisation"));
		audit.record(AuditRecord.success("screening.read", "screening", id));
		return view;
	}

	/**
	 * The same screening with its reasons and next steps in another language of the form, for a page that has just
	 * read it with {@link #read(Actor, UUID, String)} (that read is the one audited).
	 */
	@Transactional(readOnly = true)
	public Optional<ScreeningView> inLanguage(Actor actor, UUID id, String textLanguage) {
		return find(id, actor.organisationId(), textLanguage);
	}

	/** The coded profile of a screening of the caller's organisation (nationality, age band...), for its pages. */
	@Transactional(readOnly = true)
	public Map<String, String> profile(Actor actor, UUID id) {
		String json = jdbc.sql("SELECT profile::text FROM screening WHERE id = ? AND organisation_id = ?")
				.params(id, actor.organisationId()).query(String.class).optional()
				.orElseThrow(() -> new NotFoundException("No screening " + id + " in your organisation"));
		return JSON.readValue(json, new TypeReference<Map<String, String>>() {
		});
	}

	private Optional<Submitted> replay(Actor actor, String instanceId, String digest) {
		Optional<Stored> stored = jdbc.sql("SELECT id, organisation_id, submission_digest FROM screening WHERE instance_id = ?")
				.param(instanceId)
				.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
				.optional();
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		if (!stored.get().organisationId().equals(actor.organisationId()) || !stored.get().digest().equals(digest)) {
			audit.record(AuditRecord.denied("screening.create", "screening", stored.get().id(),
					"instance " + instanceId + " already received with other content"));
			throw new ConflictException("instanceID", "instance " + instanceId
					+ " was already received with different content");
		}
		audit.record(AuditRecord.success("screening.replay", "screening", stored.get().id()));
		return Optional.of(new Submitted(find(stored.get().id(), actor.organisationId(), null).orElseThrow(), true));
	}

	private record Stored(UUID id, UUID organisationId, String digest) {
	}

	Optional<ScreeningView> find(UUID id, UUID organisationId) {
		return find(id, organisationId, null);
	}

	Optional<ScreeningView> find(UUID id, UUID organisationId, String textLanguage) {
		return jdbc.sql("""
				SELECT id, form_id, form_version, instance_id, language, outcome, forced_criminality, non_punishment,
				  measures, next_steps, reasons::text, indicators::text, consent_assistance, consent_referral, consent_share,
				  consent_research, created_at, final_outcome, decision, decision_reason, decided_by, decided_at,
				  void_reason, voided_by, voided_at
				FROM screening WHERE id = ? AND organisation_id = ?""").params(id, organisationId)
				.query((rs, n) -> view(rs, textLanguage)).optional();
	}

	/**
	 * A stored screening with its texts in {@code asked} (else its own language): each reason's explanation is
	 * rewritten from its rule, and the reason and inconclusive flag of a result without indicators are worked out
	 * again from the stored indicator answers, so screenings recorded before either existed have them too.
	 */
	private ScreeningView view(ResultSet rs, String asked) throws SQLException {
		ScreeningForm form = catalogue.form(rs.getString("form_id"), rs.getString("form_version"));
		String language = rs.getString("language");
		String review = form.language(language).map(FormLanguage::reviewStatus).orElse("draft");
		ScreeningRules rules = catalogue.rules(form);
		String texts = rules.textLanguage(asked != null && form.language(asked).isPresent()
				? form.language(asked).get().code() : language);
		List<Step> steps = strings(rs.getArray("next_steps")).stream()
				.map(code -> new Step(code, rules.text(code, texts))).toList();
		List<Reason> stored = JSON.readValue(rs.getString("reasons"), new TypeReference<List<Reason>>() {
		});
		Map<String, String> indicators = JSON.readValue(rs.getString("indicators"),
				new TypeReference<Map<String, String>>() {
				});
		Scoring.Tally tally = Scoring.Tally.of(indicators);
		Outcome outcome = Outcome.valueOf(rs.getString("outcome"));
		List<Reason> reasons = new ArrayList<>();
		if (outcome == Outcome.NO_INDICATORS) {
			reasons.add(Scoring.noIndicators(rules, tally, texts));
		}
		stored.stream().filter(reason -> !Scoring.NO_INDICATORS_RULE.equals(reason.rule()))
				.map(reason -> new Reason(reason.rule(), reason.indicators(),
						Optional.ofNullable(rules.explanation(reason.rule(), texts)).orElse(reason.explanation()),
						reason.source(), reason.answers()))
				.forEach(reasons::add);
		boolean inconclusive = outcome == Outcome.NO_INDICATORS && tally.mostlyUnanswered();
		return new ScreeningView(rs.getObject("id", UUID.class), form.formId(), form.version(),
				rs.getString("instance_id"), language, review, outcome,
				rs.getBoolean("forced_criminality"), rs.getBoolean("non_punishment"), strings(rs.getArray("measures")),
				List.copyOf(reasons), steps, new Consent(rs.getBoolean("consent_assistance"),
						rs.getBoolean("consent_referral"), rs.getBoolean("consent_share"),
						rs.getBoolean("consent_research")),
				List.of(), rs.getObject("created_at", OffsetDateTime.class).toInstant(), decision(rs), inconclusive,
				inconclusive ? Scoring.inconclusiveReason(rules, tally, texts) : null, texts,
				rules.draft(texts) ? "draft" : "source");
	}

	static Decision decision(ResultSet rs) throws SQLException {
		String finalOutcome = rs.getString("final_outcome");
		OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
		OffsetDateTime voidedAt = rs.getObject("voided_at", OffsetDateTime.class);
		return new Decision(finalOutcome == null ? null : Outcome.valueOf(finalOutcome),
				rs.getString("decision") == null ? "PENDING" : rs.getString("decision"), rs.getString("decision_reason"),
				rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(), voidedAt != null,
				rs.getString("void_reason"), rs.getString("voided_by"), voidedAt == null ? null : voidedAt.toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static FormLanguage language(ScreeningForm form, String asked, List<String> warnings) {
		if (asked == null || asked.isBlank()) {
			return form.english();
		}
		Optional<FormLanguage> found = form.language(asked);
		if (found.isEmpty()) {
			warnings.add("language: '" + asked + "' is not a language of the form; the interview ran in English");
			return form.english();
		}
		return found.get();
	}

	private static CodedProfile codedProfile(Map<String, String> profile) {
		String languages = profile.get("languages");
		String dateLeft = profile.get("date_left");
		String interpreter = profile.get("interpreter_used");
		return new CodedProfile(profile.get("nationality"), profile.get("age_band"), profile.get("gender"),
				languages == null ? List.of() : List.of(languages.split(" ")), profile.get("country_held"),
				dateLeft == null ? null : LocalDate.parse(dateLeft),
				interpreter == null ? null : "yes".equals(interpreter));
	}

	private static boolean yes(Map<String, String> values, String name) {
		return "yes".equals(values.get(name));
	}

	private static String yesNo(boolean value) {
		return value ? "yes" : "no";
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
