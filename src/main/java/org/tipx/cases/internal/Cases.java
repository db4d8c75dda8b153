package org.tipx.cases.internal;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

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
import org.tipx.protection.SearchTokens;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.CountryCode;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;
import org.tipx.shared.Utc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Opens, reads, corrects and lists cases. Coded fields are checked against their vocabularies; the personal fields
 * are sealed as one value bound to the case, with keyed tokens of the names' words for search; every read and write
 * is audited and every write lands on the case's timeline.
 */
@Service
public class Cases {

	static final SealedColumn PERSONAL = new SealedColumn("cases_case", "id", "personal", "cases_case.personal");

	static final String NAME_TOKENS = "cases.name";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern REFERENCE = Pattern.compile("C-[0-9A-Z]{1,8}");

	private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final List<String> STATES = List.of("OPEN", "CLOSED");

	private static final List<String> REFERRAL_STATES = List.of("SENT", "ACCEPTED", "DECLINED", "COMPLETED",
			"REVOKED");

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final Consents consents;

	private final Timeline timeline;

	private final FieldCipher cipher;

	private final SearchTokens tokens;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	Cases(JdbcClient jdbc, CaseAccess access, Consents consents, Timeline timeline, FieldCipher cipher,
			SearchTokens tokens, Directory directory, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.consents = consents;
		this.timeline = timeline;
		this.cipher = cipher;
		this.tokens = tokens;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** A case opened by hand, with the consent recorded at the same time (none given when absent). */
	public record NewCase(CaseDetails details, Consents.Change consent) {
	}

	/** One page of the case list. */
	public record CasePage(List<CaseSummary> items, int page, boolean more) {
	}

	/** The coded facts a completed screening hands over (never a personal field). */
	record FromScreening(UUID screeningId, UUID organisationId, String outcome, boolean forcedCriminality,
			boolean nonPunishment, List<String> measures, boolean assistance, boolean referral, boolean share,
			boolean research, String nationality, String ageBand, String gender, String countryHeld,
			LocalDate dateLeft, LocalDate identifiedOn) {
	}

	/**
	 * Opens a case by hand in the case worker's organisation: a person who was never screened, a family's report.
	 *
	 * @throws InvalidInputException naming every field that breaks a rule; nothing is stored
	 */
	@Transactional
	public CaseView open(Actor actor, NewCase request) {
		if (!CaseRoles.current().caseWorker()) {
			throw new ForbiddenException("Only case workers open cases");
		}
		CaseDetails details = request.details();
		Checked checked = check(details);
		Consents.Change consent = request.consent();
		List<String> referralTypes = List.of();
		if (consent != null) {
			List<FieldError> errors = new ArrayList<>();
			referralTypes = Consents.referralTypes(consent.referral(), errors);
			Codes.throwIfAny(errors.stream().map(e -> new FieldError("consent." + e.field(), e.message())).toList());
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = Utc.now(clock);
		insert(id, actor.organisationId(), "MANUAL", null, null, checked, details.forcedCriminality() != null
				&& details.forcedCriminality(), false, now.toLocalDate(), actor.name(), actor.accountId().orElse(null),
				now);
		writePersonal(id, details.personal());
		consents.first(id, consent != null && Boolean.TRUE.equals(consent.assistance()), referralTypes,
				consent != null && Boolean.TRUE.equals(consent.shareWithCountryOfNationality()),
				consent != null && Boolean.TRUE.equals(consent.research()), consent == null ? null : consent.explainedIn(),
				consent == null || consent.explainedBy() == null ? actor.name() : consent.explainedBy(), "CASE_WORKER",
				consent == null ? null : consent.note(), actor.name());
		timeline.record(id, actor, "case.opened", Map.of("source", "MANUAL"));
		audit.record(AuditRecord.success("case.open", "case", id).withDetail("by hand"));
		return view(id, access.grant(actor, id));
	}

	/** Opens the case of a completed screening, once: a repeated event changes nothing. */
	@Transactional
	public Optional<UUID> openFromScreening(FromScreening screening) {
		Optional<UUID> existing = jdbc.sql("SELECT id FROM cases_case WHERE screening_id = ?")
				.param(screening.screeningId()).query(UUID.class).optional();
		if (existing.isPresent()) {
			return Optional.empty();
		}
		List<String> exploitation = new ArrayList<>();
		if (screening.forcedCriminality()) {
			exploitation.add("FORCED_CRIMINALITY");
		}
		Checked checked = new Checked("PRESUMED_VICTIM".equals(screening.outcome()) ? "PRESUMED" : "POSSIBLE",
				List.of(), null, List.of(), exploitation, known(screening.nationality()), List.of(),
				screening.countryHeld() == null ? List.of() : List.of(screening.countryHeld()),
				screening.ageBand() != null && Codes.AGE_BANDS.contains(screening.ageBand()) ? screening.ageBand() : null,
				screening.gender() != null && Codes.GENDERS.contains(screening.gender()) ? screening.gender() : null,
				null, null,
				screening.dateLeft());
		UUID id = UUID.randomUUID();
		OffsetDateTime now = Utc.now(clock);
		insert(id, screening.organisationId(), "SCREENING", screening.screeningId(), screening.outcome(), checked,
				screening.forcedCriminality(), screening.nonPunishment(), screening.identifiedOn(), "tipx", null, now);
		jdbc.sql("UPDATE cases_case SET status_decided_by = owner_organisation_id WHERE id = ?").param(id).update();
		consents.first(id, screening.assistance(),
				screening.referral() ? org.tipx.directory.OrganisationType.names() : List.of(), screening.share(),
				screening.research(), null, "screening interview", "SCREENING", null, "tipx");
		for (String measure : screening.measures()) {
			jdbc.sql("INSERT INTO cases_measure (id, case_id, measure, state) VALUES (?,?,?,'TO_REQUEST')")
					.params(UUID.randomUUID(), id, measure).update();
		}
		timeline.record(id, "tipx", screening.organisationId(), "case.opened",
				Map.of("source", "SCREENING", "screeningId", screening.screeningId().toString(), "outcome",
						screening.outcome()));
		audit.recordFor("tipx", null, screening.organisationId(),
				AuditRecord.success("case.open", "case", id).withDetail("from screening " + screening.screeningId()));
		return Optional.of(id);
	}

	/** The case as the caller may see it; the read is audited (and whether personal fields were shown). */
	@Transactional(readOnly = true)
	public CaseView read(Actor actor, UUID caseId) {
		CaseGrant grant = access.grant(actor, caseId);
		CaseView view = view(caseId, grant);
		audit.record(AuditRecord.success("case.read", "case", caseId)
				.withDetail(grant.relation() + (grant.personal() ? " with personal fields" : " coded fields only")));
		return view;
	}

	/** Replaces the coded fields, and the personal ones when given. Only the owner's case workers may. */
	@Transactional
	public CaseView update(Actor actor, UUID caseId, CaseDetails details) {
		CaseGrant grant = access.grant(actor, caseId);
		if (!grant.owner()) {
			throw access.hidden(caseId, "update");
		}
		if (!grant.work()) {
			throw new ForbiddenException("Only the owning organisation's case workers change a case");
		}
		access.lock(caseId);
		requireOpen(caseId);
		Checked checked = check(details);
		jdbc.sql("""
				UPDATE cases_case SET trafficking_status = ?, status_decided_by = ?, recruitment_methods = ?,
				  recruitment_platform = ?, means_of_control = ?, exploitation_types = ?, forced_criminality = ?,
				  nationality = ?, transit_countries = ?, exploitation_countries = ?, age_band = ?, gender = ?,
				  recruited_on = ?, exploitation_began_on = ?, exited_on = ?, updated_at = ?
				WHERE id = ?""")
				.params(checked.traffickingStatus(), actor.organisationId(), array(checked.recruitmentMethods()),
						checked.recruitmentPlatform(), array(checked.meansOfControl()),
						array(checked.exploitationTypes()),
						checked.exploitationTypes().contains("FORCED_CRIMINALITY")
								|| Boolean.TRUE.equals(details.forcedCriminality()),
						checked.nationality(), array(checked.transitCountries()),
						array(checked.exploitationCountries()), checked.ageBand(), checked.gender(),
						checked.recruitedOn(), checked.exploitationBeganOn(), checked.exitedOn(), Utc.now(clock), caseId)
				.update();
		boolean personal = details.personal() != null;
		if (personal) {
			writePersonal(caseId, details.personal());
		}
		timeline.record(caseId, actor, "case.updated", Map.of("personalFields", personal));
		audit.record(AuditRecord.success("case.update", "case", caseId)
				.withDetail(personal ? "coded and personal fields" : "coded fields"));
		return view(caseId, grant);
	}

	/** The cases the caller may see, newest change first, 50 a page. Searching by name is audited. */
	@Transactional(readOnly = true)
	public CasePage list(Actor actor, CaseQuery query) {
		CaseRoles roles = CaseRoles.current();
		List<FieldError> errors = new ArrayList<>();
		Codes.one("status", query.status(), STATES, errors);
		Codes.one("risk", query.risk(), Codes.RISKS, errors);
		Codes.one("referral", query.referralState(), REFERRAL_STATES, errors);
		String nationality = null;
		if (query.nationality() != null && !query.nationality().isBlank()) {
			try {
				nationality = CountryCode.parse("nationality", query.nationality()).value();
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
		}
		if (query.page() < 0 || query.page() > 10_000) {
			errors.add(new FieldError("page", "must be between 0 and 10000"));
		}
		Codes.throwIfAny(errors);
		if (!roles.any()) {
			return new CasePage(List.of(), query.page(), false);
		}
		OffsetDateTime now = Utc.now(clock);
		UUID organisation = actor.organisationId();
		LocalDate today = now.toLocalDate();
		// The filters read the case (c) and how the caller sees it (v.access); each way of seeing a case below binds
		// v.access to a constant, so the same filters apply in each and the planner folds the access tests away.
		List<Object> filterParams = new ArrayList<>();
		StringBuilder filters = new StringBuilder();
		if (query.screeningId() != null) {
			filters.append(" AND c.screening_id = ?");
			filterParams.add(query.screeningId());
		}
		if (query.status() != null && !query.status().isBlank()) {
			filters.append(" AND c.status = ?");
			filterParams.add(query.status());
		}
		if (query.risk() != null && !query.risk().isBlank()) {
			filters.append(" AND c.risk = ?");
			filterParams.add(query.risk());
		}
		if (nationality != null) {
			filters.append(" AND c.nationality = ?");
			filterParams.add(nationality);
		}
		if (query.referralState() != null && !query.referralState().isBlank()) {
			filters.append(" AND EXISTS (SELECT 1 FROM cases_referral r WHERE r.case_id = c.id AND r.state = ?"
					+ " AND (v.access <> 'REFERRED' OR r.to_organisation_id = ?))");
			filterParams.add(query.referralState());
			filterParams.add(organisation);
		}
		if (Boolean.TRUE.equals(query.overdue())) {
			filters.append(" AND EXISTS (SELECT 1 FROM cases_task t WHERE t.case_id = c.id AND t.state = 'OPEN'"
					+ " AND t.due_on < ?)");
			filterParams.add(today);
		}
		String q = query.q() == null ? "" : query.q().strip();
		if (!q.isEmpty()) {
			appendSearch(q, filters, filterParams);
			audit.record(AuditRecord.success("case.search", "case", null).withDetail("searched the case list"));
		}
		// Each way of seeing a case yields at most the rows up to the end of the page, newest change first, through
		// its own index (the owner's cases through (owner, updated_at, id)); a case seen in several ways takes the
		// first access by name, as before. A case on the page is within the first rows of every way it is seen in,
		// so the page is the same as when every visible case is collected first, at a fraction of the cost.
		int upTo = query.page() * CaseQuery.PAGE_SIZE + CaseQuery.PAGE_SIZE + 1;
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("WITH visible AS (\n  SELECT id, min(access) AS access FROM (\n");
		sql.append("    (SELECT c.id, v.access FROM cases_case c, (SELECT 'OWNER'::text AS access) v"
				+ " WHERE c.owner_organisation_id = ?");
		params.add(organisation);
		seen(sql, params, filters, filterParams, upTo);
		sql.append("    UNION ALL\n    (SELECT c.id, v.access FROM cases_case c, (SELECT 'REFERRED'::text AS access) v"
				+ " WHERE c.id IN (SELECT r.case_id FROM cases_referral r WHERE r.to_organisation_id = ?"
				+ " AND r.state IN ('ACCEPTED', 'COMPLETED'))");
		params.add(organisation);
		seen(sql, params, filters, filterParams, upTo);
		sql.append("    UNION ALL\n    (SELECT c.id, v.access FROM cases_case c, (SELECT 'BREAK_GLASS'::text AS access) v"
				+ " WHERE c.id IN (SELECT b.case_id FROM cases_break_glass b WHERE b.account_id = ?"
				+ " AND b.expires_at > ? AND ?)");
		params.add(actor.accountId().orElse(new UUID(0, 0)));
		params.add(now);
		params.add(roles.caseWorker());
		seen(sql, params, filters, filterParams, upTo);
		sql.append("""
				  ) a GROUP BY id
				)
				SELECT c.id, c.reference, c.status, c.screening_id, c.owner_organisation_id, c.trafficking_status,
				  c.nationality, c.age_band, c.gender, c.risk, c.non_punishment, c.opened_at, c.updated_at, v.access,
				  (SELECT r.state FROM cases_referral r WHERE r.case_id = c.id
				     AND (v.access <> 'REFERRED' OR r.to_organisation_id = ?) ORDER BY r.sent_at DESC LIMIT 1) AS referral_state,
				  (SELECT count(*) FROM cases_task t WHERE t.case_id = c.id AND t.state = 'OPEN' AND t.due_on < ?) AS overdue
				FROM visible v JOIN cases_case c ON c.id = v.id""");
		params.add(organisation);
		params.add(today);
		sql.append(" ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?");
		params.add(CaseQuery.PAGE_SIZE + 1);
		params.add(query.page() * CaseQuery.PAGE_SIZE);
		List<CaseSummary> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> summary(rs)).list();
		boolean more = rows.size() > CaseQuery.PAGE_SIZE;
		List<CaseSummary> items = more ? rows.subList(0, CaseQuery.PAGE_SIZE) : rows;
		return new CasePage(named(items), query.page(), more);
	}

	/** Closes one way of seeing cases: the filters, then the newest changes up to the end of the page. */
	private static void seen(StringBuilder sql, List<Object> params, CharSequence filters, List<Object> filterParams,
			int upTo) {
		sql.append(filters).append(" ORDER BY c.updated_at DESC, c.id LIMIT ?)\n");
		params.addAll(filterParams);
		params.add(upTo);
	}

	/** A reference, a screening or case id, or the words of a name (matched only where the caller sees names). */
	private void appendSearch(String q, StringBuilder sql, List<Object> params) {
		String upper = q.toUpperCase(Locale.ROOT);
		if (REFERENCE.matcher(upper).matches()) {
			sql.append(" AND c.reference LIKE ?");
			params.add(upper + "%");
			return;
		}
		try {
			UUID id = UUID.fromString(q);
			sql.append(" AND (c.id = ? OR c.screening_id = ?)");
			params.add(id);
			params.add(id);
			return;
		}
		catch (IllegalArgumentException notAnId) {
			// words of a name
		}
		List<String> words = tokens.of(q, NAME_TOKENS);
		if (words.isEmpty()) {
			throw new InvalidInputException("q", "search for a case reference (C-...), an id, or a name of at least "
					+ "two letters");
		}
		sql.append(" AND v.access <> 'REFERRED' AND c.name_tokens @> ?::text[]");
		params.add(words.toArray(String[]::new));
	}

	/** Builds the view for a grant the caller already holds. */
	CaseView view(UUID caseId, CaseGrant grant) {
		return jdbc.sql("SELECT * FROM cases_case WHERE id = ?").param(caseId).query((rs, n) -> {
			UUID owner = rs.getObject("owner_organisation_id", UUID.class);
			Optional<Organisation> organisation = directory.organisation(new OrganisationId(owner));
			String sealed = rs.getString("personal");
			PersonalFields personal = null;
			if (grant.personal()) {
				personal = sealed == null ? PersonalFields.NONE
						: JSON.readValue(cipher.open(sealed, PERSONAL.context(caseId)), PersonalFields.class);
			}
			return new CaseView(caseId, rs.getString("reference"), rs.getString("status"), rs.getString("source"),
					rs.getObject("screening_id", UUID.class), rs.getString("screening_outcome"), owner,
					organisation.map(Organisation::name).orElse(null),
					organisation.map(o -> o.country().value()).orElse(null), rs.getString("trafficking_status"),
					rs.getObject("status_decided_by", UUID.class), rs.getBoolean("non_punishment"),
					rs.getBoolean("forced_criminality"), list(rs.getArray("recruitment_methods")),
					rs.getString("recruitment_platform"), list(rs.getArray("means_of_control")),
					list(rs.getArray("exploitation_types")), rs.getString("nationality"),
					list(rs.getArray("transit_countries")), list(rs.getArray("exploitation_countries")),
					rs.getString("age_band"), rs.getString("gender"), date(rs, "recruited_on"),
					date(rs, "exploitation_began_on"), date(rs, "exited_on"), date(rs, "identified_on"),
					rs.getString("risk"), Utc.instant(rs.getObject("opened_at", OffsetDateTime.class)),
					rs.getString("opened_by"), Utc.instant(rs.getObject("updated_at", OffsetDateTime.class)),
					Utc.instant(rs.getObject("closed_at", OffsetDateTime.class)), rs.getString("closed_by"),
					grant.owner() ? closureReason(caseId, rs.getString("closure_reason")) : null,
					rs.getBoolean("closure_overrode"), grant.relation().name(), grant.until(), personal);
		}).single();
	}

	/** Refuses a change to a closed case. */
	void requireOpen(UUID caseId) {
		String status = jdbc.sql("SELECT status FROM cases_case WHERE id = ?").param(caseId).query(String.class)
				.single();
		if (!"OPEN".equals(status)) {
			throw new ConflictException("status", "the case is closed; it cannot be changed");
		}
	}

	/** The context of a closure reason, sealed by whoever closes the case. */
	static String closureContext(UUID caseId) {
		return "cases_case.closure_reason/" + caseId;
	}

	private String closureReason(UUID caseId, String sealed) {
		return sealed == null ? null : cipher.open(sealed, closureContext(caseId));
	}

	private void writePersonal(UUID caseId, PersonalFields personal) {
		if (personal == null || personal.isEmpty()) {
			jdbc.sql("UPDATE cases_case SET personal = NULL, name_tokens = '{}' WHERE id = ?").param(caseId).update();
			return;
		}
		jdbc.sql("UPDATE cases_case SET personal = ?, name_tokens = ? WHERE id = ?")
				.params(cipher.seal(JSON.writeValueAsString(personal), PERSONAL.context(caseId)),
						tokens.of(personal.searchableNames(), NAME_TOKENS).toArray(String[]::new), caseId)
				.update();
	}

	private void insert(UUID id, UUID owner, String source, UUID screeningId, String screeningOutcome, Checked c,
			boolean forcedCriminality, boolean nonPunishment, LocalDate identifiedOn, String openedBy,
			UUID openedByAccount, OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO cases_case (id, reference, owner_organisation_id, status, source, screening_id,
				  screening_outcome, trafficking_status, status_decided_by, non_punishment, forced_criminality,
				  recruitment_methods, recruitment_platform, means_of_control, exploitation_types, nationality,
				  transit_countries, exploitation_countries, age_band, gender, recruited_on, exploitation_began_on,
				  exited_on, identified_on, opened_by, opened_by_account, opened_at, updated_at)
				VALUES (?,?,?,'OPEN',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
				.params(id, reference(), owner, source, screeningId, screeningOutcome, c.traffickingStatus(),
						"NOT_DETERMINED".equals(c.traffickingStatus()) ? null : owner, nonPunishment,
						forcedCriminality || c.exploitationTypes().contains("FORCED_CRIMINALITY"),
						array(c.recruitmentMethods()), c.recruitmentPlatform(), array(c.meansOfControl()),
						array(c.exploitationTypes()), c.nationality(), array(c.transitCountries()),
						array(c.exploitationCountries()), c.ageBand(), c.gender(), c.recruitedOn(),
						c.exploitationBeganOn(), c.exitedOn(), identifiedOn, openedBy, openedByAccount, now, now)
				.update();
	}

	/** Coded fields after checking. */
	private record Checked(String traffickingStatus, List<String> recruitmentMethods, String recruitmentPlatform,
			List<String> meansOfControl, List<String> exploitationTypes, String nationality,
			List<String> transitCountries, List<String> exploitationCountries, String ageBand, String gender,
			LocalDate recruitedOn, LocalDate exploitationBeganOn, LocalDate exitedOn) {
	}

	private Checked check(CaseDetails d) {
		if (d == null) {
			throw new InvalidInputException("body", "a case needs at least its trafficking status or nationality");
		}
		List<FieldError> errors = new ArrayList<>();
		String status = Codes.one("traffickingStatus", d.traffickingStatus(), Codes.TRAFFICKING_STATUS, errors);
		List<String> methods = Codes.many("recruitmentMethods", d.recruitmentMethods(), Codes.RECRUITMENT_METHODS,
				errors);
		String platform = Codes.one("recruitmentPlatform", d.recruitmentPlatform(), Codes.PLATFORMS, errors);
		List<String> means = Codes.many("meansOfControl", d.meansOfControl(), Codes.MEANS_OF_CONTROL, errors);
		List<String> exploitation = new ArrayList<>(
				Codes.many("exploitationTypes", d.exploitationTypes(), Codes.EXPLOITATION_TYPES, errors));
		if (Boolean.TRUE.equals(d.forcedCriminality()) && !exploitation.contains("FORCED_CRIMINALITY")) {
			exploitation.add("FORCED_CRIMINALITY");
		}
		String nationality = country("nationality", d.nationality(), errors);
		List<String> transit = countries("transitCountries", d.transitCountries(), errors);
		List<String> exploited = countries("exploitationCountries", d.exploitationCountries(), errors);
		String ageBand = Codes.one("ageBand", d.ageBand(), Codes.AGE_BANDS, errors);
		String gender = Codes.one("gender", d.gender(), Codes.GENDERS, errors);
		LocalDate today = LocalDate.now(clock);
		date("recruitedOn", d.recruitedOn(), today, errors);
		date("exploitationBeganOn", d.exploitationBeganOn(), today, errors);
		date("exitedOn", d.exitedOn(), today, errors);
		if (d.recruitedOn() != null && d.exitedOn() != null && d.exitedOn().isBefore(d.recruitedOn())) {
			errors.add(new FieldError("exitedOn", "cannot be before recruitedOn"));
		}
		if (d.personal() != null) {
			errors.addAll(d.personal().errors(today));
		}
		Codes.throwIfAny(errors);
		return new Checked(status == null ? "NOT_DETERMINED" : status, methods, platform, means, exploitation,
				nationality, transit, exploited, ageBand, gender, d.recruitedOn(), d.exploitationBeganOn(),
				d.exitedOn());
	}

	private static void date(String field, LocalDate value, LocalDate today, List<FieldError> errors) {
		if (value != null && (value.isAfter(today) || value.getYear() < 1990)) {
			errors.add(new FieldError(field, "must be a date between 1990 and today"));
		}
	}

	private static String country(String field, String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return CountryCode.parse(field, value).value();
		}
		catch (InvalidInputException e) {
			errors.addAll(e.errors());
			return null;
		}
	}

	private static List<String> countries(String field, List<String> values, List<FieldError> errors) {
		List<String> codes = new ArrayList<>();
		if (values == null) {
			return codes;
		}
		for (int i = 0; i < values.size(); i++) {
			String code = country(field + "[" + i + "]", values.get(i), errors);
			if (code != null && !codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

	private static String known(String country) {
		try {
			return country == null ? null : new CountryCode(country).value();
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private List<CaseSummary> named(List<CaseSummary> items) {
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		return items.stream().map(s -> new CaseSummary(s.id(), s.reference(), s.status(), s.screeningId(),
				s.ownerOrganisationId(),
				names.computeIfAbsent(s.ownerOrganisationId(),
						o -> directory.organisation(new OrganisationId(o)).map(Organisation::name).orElse(null)),
				s.traffickingStatus(), s.nationality(), s.ageBand(), s.gender(), s.risk(), s.nonPunishment(),
				s.openedAt(), s.updatedAt(), s.access(), s.referralState(), s.overdueTasks())).toList();
	}

	private static CaseSummary summary(ResultSet rs) throws SQLException {
		return new CaseSummary(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("status"),
				rs.getObject("screening_id", UUID.class), rs.getObject("owner_organisation_id", UUID.class), null,
				rs.getString("trafficking_status"), rs.getString("nationality"), rs.getString("age_band"),
				rs.getString("gender"), rs.getString("risk"), rs.getBoolean("non_punishment"),
				Utc.instant(rs.getObject("opened_at", OffsetDateTime.class)),
				Utc.instant(rs.getObject("updated_at", OffsetDateTime.class)), rs.getString("access"),
				rs.getString("referral_state"), rs.getInt("overdue"));
	}

	private static String reference() {
		StringBuilder reference = new StringBuilder("C-");
		for (int i = 0; i < 8; i++) {
			reference.append(CROCKFORD.charAt(RANDOM.nextInt(CROCKFORD.length())));
		}
		return reference.toString();
	}

	private static String[] array(List<String> values) {
		return values.toArray(String[]::new);
	}

	static List<String> list(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}
}
