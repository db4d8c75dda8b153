package org.tipx.cases.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
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
import org.tipx.shared.CountryCode;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Utc;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxEntry;
import org.tipx.sharing.InboxState;

import tools.jackson.databind.json.JsonMapper;

/**
 * Public reports: filed without an account (after the proof of work), told to the focal points of the person's
 * country of nationality and, with the person's agreement, of the country where they are held; read (opened and
 * audited) and acknowledged by those focal points. The reporter learns only whether someone acknowledged it.
 */
@Service
public class Intakes {

	/** The inbox kind of a public report. */
	public static final String KIND = "cases.intake";

	static final SealedColumn DETAILS = new SealedColumn("cases_intake", "id", "details", "cases_intake.details");

	/** The name public reports are filed under in the audit trail. */
	static final String PUBLIC = "public report";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SHOWN = 100;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ProofOfWork proof;

	private final List<IntakeForwarding> forwarding;

	private final IntakeItems items;

	private final Inbox inbox;

	private final AuditTrail audit;

	private final IntakeArrivals arrivals;

	private final Clock clock;

	Intakes(JdbcClient jdbc, FieldCipher cipher, ProofOfWork proof, List<IntakeForwarding> forwarding,
			IntakeItems items, Inbox inbox, AuditTrail audit, IntakeArrivals arrivals, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.proof = proof;
		this.forwarding = forwarding;
		this.items = items;
		this.inbox = inbox;
		this.audit = audit;
		this.arrivals = arrivals;
		this.clock = clock;
	}

	/** The outcome of filing: a reference, or why the proof of work was refused (and nothing stored). */
	public record Filing(Reference reference, ProofOfWork.Refusal refusal) {
	}

	/** What the reporter may learn about a reference: nothing else. */
	public enum Status {
		UNKNOWN, RECEIVED, ACKNOWLEDGED
	}

	/**
	 * Files a checked report once its proof of work holds: stores it with the reporter's words sealed and tells the
	 * countries {@link PublicReport#countriesTold()} names through every {@link IntakeForwarding}.
	 */
	@Transactional
	public Filing file(PublicReport report, String challenge, String solution) {
		ProofOfWork.Refusal refusal = proof.spend(challenge, solution);
		if (refusal != null) {
			audit.recordFor(PUBLIC, AuditRecord.denied("intake.file", "intake", "-", "proof of work " + refusal));
			return new Filing(null, refusal);
		}
		UUID id = UUID.randomUUID();
		Reference reference = Reference.random();
		OffsetDateTime now = Utc.now(clock);
		jdbc.sql("""
				INSERT INTO cases_intake (id, reference, reporter, nationality, country_held, share_both, language,
				  details, created_at) VALUES (?,?,?,?,?,?,?,?,?)""")
				.params(id, reference.value(), report.reporter().name(), report.nationality().value(),
						report.countryHeld().value(), report.shareWithBoth(), report.language(),
						cipher.seal(JSON.writeValueAsString(report.details()), DETAILS.context(id)), now)
				.update();
		FiledIntake filed = new FiledIntake(id, reference, report, now.toInstant());
		int told = 0;
		for (CountryCode country : report.countriesTold()) {
			for (IntakeForwarding forward : forwarding) {
				told += forward.forward(filed, country);
			}
		}
		audit.recordFor(PUBLIC, AuditRecord.success("intake.file", "intake", id)
				.withDetail("countries told " + report.countriesTold().size() + ", organisations told " + told));
		return new Filing(reference, null);
	}

	/**
	 * Whether a report was received and whether a focal point acknowledged it, here or at a peer installation it was
	 * forwarded to. A reference that was mistyped and one that does not exist get the same answer, after the same
	 * queries. Only reports filed here answer: one received from a peer has a reference no reporter was given.
	 */
	@Transactional(readOnly = true)
	public Status status(String typed) {
		String value = Reference.parse(typed).map(Reference::value).orElse("-");
		Optional<UUID> id = jdbc.sql("SELECT id FROM cases_intake WHERE reference = ? AND from_instance IS NULL")
				.param(value).query(UUID.class).optional();
		UUID asked = id.orElse(UUID.randomUUID());
		List<InboxEntry> told = items.about(asked);
		int atPeers = jdbc.sql("SELECT count(*) FROM cases_intake_forward WHERE intake_id = ?"
				+ " AND acknowledged_at IS NOT NULL").param(asked).query(Integer.class).single();
		if (id.isEmpty()) {
			return Status.UNKNOWN;
		}
		return atPeers > 0 || told.stream().anyMatch(e -> e.acknowledgedAt() != null) ? Status.ACKNOWLEDGED
				: Status.RECEIVED;
	}

	/**
	 * The public reports addressed to the focal point's organisation, newest first (at most 100), with the reporter's
	 * words opened: each intake shown is audited as read.
	 */
	@Transactional(readOnly = true)
	public List<IntakeView> received(Actor focalPoint) {
		List<InboxEntry> entries = inbox.of(focalPoint.organisationId(), KIND, null, SHOWN);
		Map<UUID, Row> rows = new HashMap<>();
		jdbc.sql("""
				SELECT i.*, c.case_id, k.reference AS case_reference FROM cases_intake i
				LEFT JOIN cases_intake_case c ON c.intake_id = i.id AND c.organisation_id = ?
				LEFT JOIN cases_case k ON k.id = c.case_id
				WHERE i.id = ANY(?)""")
				.params(focalPoint.organisationId(),
						entries.stream().map(e -> IntakeItems.payload(e).intakeId()).distinct().toArray(UUID[]::new))
				.query((rs, n) -> row(rs)).list().forEach(r -> rows.put(r.id(), r));
		List<IntakeView> views = entries.stream().filter(e -> rows.containsKey(IntakeItems.payload(e).intakeId()))
				.map(e -> view(e, rows.get(IntakeItems.payload(e).intakeId()))).toList();
		views.forEach(v -> audit.record(AuditRecord.success("intake.read", "intake", v.intakeId())));
		return views;
	}

	/** One intake addressed to the focal point's organisation, by its inbox item; 404 for any other. */
	@Transactional(readOnly = true)
	public IntakeView read(Actor focalPoint, UUID itemId) {
		InboxEntry entry = addressed(focalPoint, itemId, "intake.read");
		UUID intakeId = IntakeItems.payload(entry).intakeId();
		Row row = jdbc.sql("""
				SELECT i.*, c.case_id, k.reference AS case_reference FROM cases_intake i
				LEFT JOIN cases_intake_case c ON c.intake_id = i.id AND c.organisation_id = ?
				LEFT JOIN cases_case k ON k.id = c.case_id WHERE i.id = ?""")
				.params(focalPoint.organisationId(), intakeId).query((rs, n) -> row(rs)).single();
		audit.record(AuditRecord.success("intake.read", "intake", intakeId));
		return view(entry, row);
	}

	/**
	 * Acknowledges an intake addressed to the focal point's organisation (once; later calls change nothing). One
	 * received from a peer installation is acknowledged back to it, after commit.
	 */
	@Transactional
	public void acknowledge(Actor focalPoint, UUID itemId) {
		InboxEntry entry = addressed(focalPoint, itemId, "intake.acknowledge");
		if (entry.acknowledgedAt() == null) {
			inbox.triage(KIND, itemId, new Inbox.Triage(InboxState.ACKNOWLEDGED, entry.note(),
					focalPoint.accountId().orElse(null), focalPoint.name(), clock.instant()));
			audit.record(AuditRecord.success("intake.acknowledge", "intake", IntakeItems.payload(entry).intakeId()));
			arrivals.acknowledgedHere(IntakeItems.payload(entry).intakeId(), focalPoint);
		}
	}

	/** The inbox item if it is addressed to the caller's organisation; otherwise 404, audited as refused. */
	InboxEntry addressed(Actor focalPoint, UUID itemId, String action) {
		return inbox.find(KIND, itemId).filter(e -> e.organisationId().equals(focalPoint.organisationId()))
				.orElseThrow(() -> {
					audit.record(AuditRecord.denied(action, "intake", itemId, "not addressed to this organisation"));
					return new NotFoundException("No public report " + itemId + " to your organisation");
				});
	}

	private IntakeView view(InboxEntry entry, Row row) {
		ReportDetails details = JSON.readValue(cipher.open(row.sealed(), DETAILS.context(row.id())),
				ReportDetails.class);
		return new IntakeView(entry.id(), row.id(), new Reference(row.reference()).display(),
				IntakeItems.payload(entry).country(), row.reporter(), row.nationality(), row.countryHeld(),
				row.shareBoth(), row.language(), details, row.createdAt(), entry.acknowledgedBy(),
				entry.acknowledgedAt(), row.caseId(), row.caseReference(), row.fromInstance());
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("reference"),
				ReporterRole.valueOf(rs.getString("reporter")), rs.getString("nationality"),
				rs.getString("country_held"), rs.getBoolean("share_both"), rs.getString("language"),
				rs.getString("details"), Utc.instant(rs.getObject("created_at", OffsetDateTime.class)),
				rs.getObject("case_id", UUID.class), rs.getString("case_reference"), rs.getString("from_instance"));
	}

	private record Row(UUID id, String reference, ReporterRole reporter, String nationality, String countryHeld,
			boolean shareBoth, String language, String sealed, Instant createdAt, UUID caseId,
			String caseReference, String fromInstance) {
	}

	/**
	 * A public report as the focal points it was addressed to read it.
	 *
	 * @param id      the inbox item (what is acknowledged and opened as a case)
	 * @param toldAs  the country whose focal point the organisation was told as
	 * @param details the reporter's words, opened
	 * @param caseId  the case the caller's organisation opened from it, if any
	 * @param fromInstance the peer installation it was filed on and forwarded from; null when filed here
	 */
	public record IntakeView(UUID id, UUID intakeId, String reference, String toldAs, ReporterRole reporter,
			String nationality, String countryHeld, boolean shareWithBoth, String language, ReportDetails details,
			Instant filedAt, String acknowledgedBy, Instant acknowledgedAt, UUID caseId, String caseReference,
			String fromInstance) {

		public boolean acknowledged() {
			return acknowledgedAt != null;
		}

		@Override
		public String toString() {
			return "IntakeView[" + id + "]";
		}
	}
}
