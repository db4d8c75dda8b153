package org.tipx.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.OrganisationType;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.Actor;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.InvalidInputException.FieldError;

/**
 * A case's consent: the version in force and its history. A change is a new version (the old ones stay), written to
 * the timeline and the audit trail; every share asks {@link #inForce} at the moment it happens.
 */
@Service
public class Consents {

	/** Sealed notes: the context is the case id and version. */
	static final SealedColumn NOTE = new SealedColumn("cases_consent", "id", "note", "cases_consent.note");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

	private final JdbcClient jdbc;

	private final CaseAccess access;

	private final FieldCipher cipher;

	private final Timeline timeline;

	private final AuditTrail audit;

	private final Clock clock;

	Consents(JdbcClient jdbc, CaseAccess access, FieldCipher cipher, Timeline timeline, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.cipher = cipher;
		this.timeline = timeline;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A consent as a case worker records it.
	 *
	 * @param referral true (any kind of organisation), false (none), or a list of organisation types
	 */
	public record Change(Boolean assistance, Object referral, Boolean shareWithCountryOfNationality, Boolean research,
			String explainedIn, String explainedBy, String note) {
	}

	/** A consent with its history, newest first. */
	public record WithHistory(ConsentRecord inForce, List<ConsentRecord> history) {
	}

	/** The consent in force and every earlier version, for a reader the case grants it to; the read is audited. */
	@Transactional(readOnly = true)
	public WithHistory read(Actor actor, UUID caseId) {
		CaseGrant grant = access.grant(actor, caseId);
		if (!grant.consent()) {
			throw access.hidden(caseId, "consent");
		}
		List<ConsentRecord> versions = versions(caseId);
		audit.record(AuditRecord.success("case.consent.read", "case", caseId).withDetail(grant.relation().name()));
		return new WithHistory(versions.get(0), versions);
	}

	/** Records a new version of the consent; only a case worker or supervisor of the owning organisation may. */
	@Transactional
	public WithHistory change(Actor actor, UUID caseId, Change change) {
		CaseGrant grant = access.grant(actor, caseId);
		if (!grant.owner()) {
			throw access.hidden(caseId, "consent change");
		}
		if (!grant.work() && !grant.supervise()) {
			throw new ForbiddenException("Only the owning organisation's case workers record consent");
		}
		access.lock(caseId);
		List<FieldError> errors = new ArrayList<>();
		List<String> types = referralTypes(change.referral(), errors);
		required("assistance", change.assistance(), errors);
		required("shareWithCountryOfNationality", change.shareWithCountryOfNationality(), errors);
		required("research", change.research(), errors);
		if (change.explainedIn() == null || !LANGUAGE.matcher(change.explainedIn()).matches()) {
			errors.add(new FieldError("explainedIn",
					"is required: the language the consent was explained in, as a code such as id or km"));
		}
		Codes.throwIfAny(errors);
		String explainedBy = change.explainedBy() == null || change.explainedBy().isBlank() ? actor.name()
				: change.explainedBy().strip();
		ConsentRecord before = inForce(caseId);
		int version = before.version() + 1;
		insert(caseId, version, change.assistance(), types, change.shareWithCountryOfNationality(), change.research(),
				change.explainedIn(), explainedBy, "CASE_WORKER", change.note(), actor.name());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("version", version);
		detail.put("assistance", change.assistance());
		detail.put("referral", types);
		detail.put("shareWithCountryOfNationality", change.shareWithCountryOfNationality());
		detail.put("research", change.research());
		detail.put("withdrawn", withdrawn(before, change, types));
		timeline.record(caseId, actor, "consent.changed", detail);
		access.touch(caseId);
		audit.record(AuditRecord.success("case.consent.change", "case", caseId).withDetail("version " + version
				+ (withdrawn(before, change, types).isEmpty() ? "" : "; withdrawn: " + withdrawn(before, change, types))));
		List<ConsentRecord> versions = versions(caseId);
		return new WithHistory(versions.get(0), versions);
	}

	/** The version in force. Every case has one from the moment it opens. */
	public ConsentRecord inForce(UUID caseId) {
		return jdbc.sql("SELECT * FROM cases_consent WHERE case_id = ? ORDER BY version DESC LIMIT 1").param(caseId)
				.query((rs, n) -> record(caseId, rs)).single();
	}

	/** Writes the first version, when a case opens. */
	void first(UUID caseId, boolean assistance, List<String> referralTypes, boolean share, boolean research,
			String explainedIn, String explainedBy, String source, String note, String recordedBy) {
		insert(caseId, 1, assistance, referralTypes, share, research, explainedIn, explainedBy, source, note,
				recordedBy);
	}

	/** Reads a consent change's referral: true, false, or organisation types. */
	static List<String> referralTypes(Object referral, List<FieldError> errors) {
		if (referral instanceof Boolean given) {
			return given ? OrganisationType.names() : List.of();
		}
		if (referral instanceof List<?> list) {
			List<String> types = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				Object type = list.get(i);
				if (type instanceof String name && OrganisationType.names().contains(name)) {
					if (!types.contains(name)) {
						types.add(name);
					}
				}
				else {
					errors.add(new FieldError("referral[" + i + "]",
							"'" + type + "' is not an organisation type (" + String.join(", ", OrganisationType.names())
									+ ")"));
				}
			}
			return types;
		}
		errors.add(new FieldError("referral",
				"is required: true, false, or the list of organisation types a referral may go to"));
		return List.of();
	}

	private List<ConsentRecord> versions(UUID caseId) {
		return jdbc.sql("SELECT * FROM cases_consent WHERE case_id = ? ORDER BY version DESC").param(caseId)
				.query((rs, n) -> record(caseId, rs)).list();
	}

	private void insert(UUID caseId, int version, boolean assistance, List<String> referralTypes, boolean share,
			boolean research, String explainedIn, String explainedBy, String source, String note, String recordedBy) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO cases_consent (id, case_id, version, assistance, referral_types, share_country, research,
				  explained_in, explained_by, source, note, recorded_by, recorded_at)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
				.params(id, caseId, version, assistance, referralTypes.toArray(String[]::new), share, research, explainedIn,
						explainedBy, source,
						note == null || note.isBlank() ? null : cipher.seal(note.strip(), NOTE.context(id)),
						recordedBy, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.update();
	}

	private ConsentRecord record(UUID caseId, ResultSet rs) throws SQLException {
		int version = rs.getInt("version");
		String note = rs.getString("note");
		UUID id = rs.getObject("id", UUID.class);
		return new ConsentRecord(version, rs.getBoolean("assistance"),
				Arrays.asList((String[]) rs.getArray("referral_types").getArray()), rs.getBoolean("share_country"),
				rs.getBoolean("research"), rs.getString("explained_in"), rs.getString("explained_by"),
				rs.getString("source"), note == null ? null : cipher.open(note, NOTE.context(id)),
				rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
	}

	private static List<String> withdrawn(ConsentRecord before, Change change, List<String> types) {
		List<String> withdrawn = new ArrayList<>();
		if (before.assistance() && !change.assistance()) {
			withdrawn.add("assistance");
		}
		if (before.referralTypes().stream().anyMatch(t -> !types.contains(t))) {
			withdrawn.add("referral");
		}
		if (before.shareWithCountryOfNationality() && !change.shareWithCountryOfNationality()) {
			withdrawn.add("shareWithCountryOfNationality");
		}
		if (before.research() && !change.research()) {
			withdrawn.add("research");
		}
		return withdrawn;
	}

	private static void required(String field, Boolean value, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(field, "is required: true or false"));
		}
	}

}
