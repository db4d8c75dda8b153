package org.tipx.recruitment.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.recruitment.monitoring.FlaggedAlerts;
import org.tipx.recruitment.monitoring.MonitoredPostings;
import org.tipx.recruitment.monitoring.OperatingThresholds;
import org.tipx.recruitment.monitoring.StoredPosting;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;
import org.tipx.signals.ReportId;
import org.tipx.signals.ReportSubmission;

/**
 * A moderator decides on a posting of the organisation (fraud, legitimate or unsure, with a note), which closes the
 * group's alert and recalibrates the organisation's threshold; a posting decided as fraud can be filed to the signal
 * exchange once, with its contacts as indicators (category RECRUITMENT_FRAUD, the TLP the moderator chooses). Every
 * step is audited; the note is sealed.
 */
@Service
public class Deciding {

	public static final int MAX_NOTE = 4_000;

	private final MonitoredPostings postings;

	private final PostingDecisions decisions;

	private final OperatingThresholds thresholds;

	private final FlaggedAlerts alerts;

	private final ReportSubmission reports;

	private final AuditTrail audit;

	private final Clock clock;

	Deciding(MonitoredPostings postings, PostingDecisions decisions, OperatingThresholds thresholds, FlaggedAlerts alerts,
			ReportSubmission reports, AuditTrail audit, Clock clock) {
		this.postings = postings;
		this.decisions = decisions;
		this.thresholds = thresholds;
		this.alerts = alerts;
		this.reports = reports;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Decision decide(Actor actor, UUID postingId, String label, String note) {
		Label checked = label(label);
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "must be at most 4,000 characters");
		}
		StoredPosting posting = posting(actor, postingId);
		Instant now = clock.instant();
		Decision decision = new Decision(UUID.randomUUID(), posting.id(), actor.organisationId(), checked, text,
				actor.accountId().orElseThrow(), now, null);
		decisions.insert(decision);
		audit.record(AuditRecord.success("moderation.decide", "recruitment_posting", posting.id())
				.withDetail(checked.name()));
		alerts.close(actor.organisationId(), posting.groupId(), decision.decidedBy(), actor.name(), now);
		recalibrate(actor.organisationId(), now);
		return decision;
	}

	/** Files the posting, decided as fraud, to the signal exchange; answers the report's id. */
	@Transactional
	public ReportId file(Actor actor, UUID postingId, String tlp) {
		StoredPosting posting = posting(actor, postingId);
		Decision latest = decisions.latest(actor.organisationId(), postingId)
				.filter(d -> d.label() == Label.FRAUD)
				.orElseThrow(() -> new ConflictException("label", "only a posting decided as fraud can be filed"));
		if (latest.reportId() != null) {
			throw new ConflictException("report", "this decision was already filed as report " + latest.reportId());
		}
		Tlp marking = tlp(tlp);
		List<ReportSubmission.Identifier> contacts = Contacts.of(posting.posting());
		if (contacts.isEmpty()) {
			throw new InvalidInputException("indicators", "the posting gives no contact to file");
		}
		ReportId report = reports.submit(new ReportSubmission.Submission(actor.organisationId(),
				actor.accountId().orElseThrow(), title(posting), "Job posting confirmed as recruitment fraud by a"
						+ " moderator (risk score " + posting.riskScore() + ", language " + posting.language() + ").",
				posting.fetchedAt(), Category.RECRUITMENT_FRAUD, marking, contacts));
		decisions.filed(latest.id(), report.value());
		audit.record(AuditRecord.success("moderation.file", "recruitment_posting", posting.id())
				.withDetail(marking + " report " + report));
		return report;
	}

	private void recalibrate(UUID organisationId, Instant now) {
		List<Recalibration.Decided> decided = decisions.latestScored(organisationId).stream()
				.filter(s -> s.label() != Label.UNSURE)
				.map(s -> new Recalibration.Decided(s.score(), s.label() == Label.FRAUD)).toList();
		Recalibration.choose(decided).ifPresent(choice -> thresholds.save(organisationId,
				new OperatingThresholds.Calibrated(choice.threshold(), choice.f1(), choice.decided(), now)));
	}

	private StoredPosting posting(Actor actor, UUID id) {
		return postings.find(actor.organisationId(), id).orElseThrow(() -> new NotFoundException("posting " + id));
	}

	private static String title(StoredPosting posting) {
		String title = posting.posting().title() == null ? "(untitled)" : posting.posting().title().strip();
		title = "Recruitment fraud: " + title;
		return title.length() > 300 ? title.substring(0, 299) + "…" : title;
	}

	private static Label label(String label) {
		try {
			return Label.valueOf(label == null ? "" : label.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("label", "must be one of FRAUD, LEGITIMATE, UNSURE");
		}
	}

	private static Tlp tlp(String tlp) {
		if (tlp == null || tlp.isBlank()) {
			return Tlp.AMBER;
		}
		try {
			return Tlp.valueOf(tlp.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("tlp", "must be one of " + Tlp.names());
		}
	}
}
