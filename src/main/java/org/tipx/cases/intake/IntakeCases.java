package org.tipx.cases.intake;

import java.time.Clock;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.cases.internal.CaseDetails;
import org.tipx.cases.internal.CaseView;
import org.tipx.cases.internal.Cases;
import org.tipx.cases.internal.Consents;
import org.tipx.cases.internal.PersonalFields;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.Utc;

/**
 * Opens a case from a public report addressed to the case worker's organisation, once per organisation, through
 * {@link Cases#open}: nationality, the country held as the country of exploitation, the place and the safe contact as
 * the case's sealed personal fields. The consent recorded (version 1) is what the report itself says (ADR 0018): a
 * person who reported themselves asked for help and told their country; a relative's or friend's report is not the
 * person's consent, so nothing is consented until the case worker reaches the person and records a new version.
 */
@Service
public class IntakeCases {

	private final Intakes intakes;

	private final Cases cases;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	IntakeCases(Intakes intakes, Cases cases, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.intakes = intakes;
		this.cases = cases;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opens the case; 409 naming {@code intake} when the organisation already opened one from this report.
	 *
	 * @throws org.tipx.shared.ForbiddenException when the caller is not a case worker
	 */
	@Transactional
	public CaseView open(Actor caseWorker, UUID itemId) {
		Intakes.IntakeView intake = intakes.read(caseWorker, itemId);
		if (intake.caseId() != null) {
			throw new ConflictException("intake", "your organisation already opened case " + intake.caseReference()
					+ " from this report");
		}
		ReportDetails d = intake.details();
		boolean self = intake.reporter() == ReporterRole.SELF;
		PersonalFields personal = new PersonalFields(null, null, null, null, contacts(d), place(d), null, null);
		CaseDetails details = new CaseDetails(null, List.of(), null, List.of(), List.of(), null, intake.nationality(),
				List.of(), List.of(intake.countryHeld()), null, null, null, null, null, personal);
		Consents.Change consent = new Consents.Change(self, false, self, false, intake.language(),
				"public report " + intake.reference(), "Recorded from public report " + intake.reference()
						+ ", filed by " + intake.reporter() + "; both countries told: " + intake.shareWithBoth());
		CaseView opened = cases.open(caseWorker, new Cases.NewCase(details, consent));
		jdbc.sql("""
				INSERT INTO cases_intake_case (intake_id, organisation_id, case_id, opened_at) VALUES (?,?,?,?)""")
				.params(intake.intakeId(), caseWorker.organisationId(), opened.id(), Utc.now(clock)).update();
		audit.record(AuditRecord.success("intake.open-case", "intake", intake.intakeId())
				.withDetail("case " + opened.id()));
		return opened;
	}

	private static String contacts(ReportDetails d) {
		StringJoiner text = new StringJoiner("\n");
		if (d.doNotCall()) {
			text.add("DO NOT CALL: write only");
		}
		if (d.contactWho() != null) {
			text.add("Contact: " + ("PERSON".equals(d.contactWho()) ? "the person held" : "the reporter"));
		}
		if (d.contactChannel() != null) {
			text.add(d.contactChannel());
		}
		if (d.safeTimes() != null) {
			text.add("Safe times: " + d.safeTimes());
		}
		return text.length() == 0 ? null : text.toString();
	}

	private static String place(ReportDetails d) {
		StringJoiner text = new StringJoiner("\n");
		if (d.compound() != null) {
			text.add("Compound: " + d.compound());
		}
		if (d.area() != null) {
			text.add(d.area());
		}
		return text.length() == 0 ? null : text.toString();
	}
}
