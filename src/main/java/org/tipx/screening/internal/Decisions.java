package org.tipx.screening.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.screening.Outcome;
import org.tipx.shared.Actor;
import org.tipx.shared.ConflictException;
import org.tipx.shared.ConsentInForce;
import org.tipx.shared.CountryCode;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Utc;

/**
 * The officer's decisions on a screening: confirm the computed outcome, override it with a written reason, void the
 * screening with a reason (never delete it), and, where the person consented, notify the focal points of their country
 * of nationality. Every step is audited; a void or an override to no indicators withdraws the screening's letters.
 * Decisions on one screening are taken one at a time (a row lock), so two at once cannot both apply to the same state.
 */
@Service
public class Decisions {

	/** Shortest written reason accepted for an override or a void. */
	public static final int MIN_REASON = 10;

	private final JdbcClient jdbc;

	private final Screenings screenings;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final NoticeItems notices;

	private final List<ConsentInForce> consentInForce;

	Decisions(JdbcClient jdbc, Screenings screenings, Directory directory, AuditTrail audit, Clock clock,
			NoticeItems notices, List<ConsentInForce> consentInForce) {
		this.notices = notices;
		this.consentInForce = List.copyOf(consentInForce);
		this.jdbc = jdbc;
		this.screenings = screenings;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public ScreeningView confirm(Actor officer, UUID id) {
		ScreeningView screening = open(officer, id);
		decide(officer, screening, screening.outcome(), "CONFIRMED", null);
		audit.record(AuditRecord.success("screening.confirm", "screening", id).withDetail(screening.outcome().name()));
		return screenings.find(id, officer.organisationId()).orElseThrow();
	}

	@Transactional
	public ScreeningView override(Actor officer, UUID id, Outcome outcome, String reason) {
		if (outcome == null) {
			throw new InvalidInputException("outcome", "is required: PRESUMED_VICTIM, POSSIBLE_VICTIM or NO_INDICATORS");
		}
		String why = reason(reason, "reason");
		ScreeningView screening = open(officer, id);
		decide(officer, screening, outcome, "OVERRIDDEN", why);
		audit.record(AuditRecord.success("screening.override", "screening", id)
				.withDetail(screening.outcome() + " -> " + outcome + ": " + why));
		if (outcome == Outcome.NO_INDICATORS) {
			withdrawLetters(id, "outcome overridden to no indicators");
		}
		return screenings.find(id, officer.organisationId()).orElseThrow();
	}

	@Transactional
	public ScreeningView voidScreening(Actor officer, UUID id, String reason) {
		String why = reason(reason, "reason");
		ScreeningView screening = open(officer, id);
		jdbc.sql("UPDATE screening SET void_reason = ?, voided_by = ?, voided_at = ? WHERE id = ?")
				.params(why, officer.name(), now(), screening.id()).update();
		audit.record(AuditRecord.success("screening.void", "screening", id).withDetail(why));
		withdrawLetters(id, "screening voided");
		return screenings.find(id, officer.organisationId()).orElseThrow();
	}

	/** Notifies every focal-point organisation of the person's country of nationality; returns them. */
	@Transactional
	public List<Organisation> notifyCountryOfNationality(Actor officer, UUID id) {
		ScreeningView screening = open(officer, id);
		// once a case follows the person, its consent (perhaps withdrawn since the interview) is the one in force
		Optional<ConsentInForce.Consent> current = consentInForce.stream()
				.map(c -> c.forScreening(id)).flatMap(Optional::stream).findFirst();
		boolean share = current.map(ConsentInForce.Consent::shareWithCountryOfNationality)
				.orElse(screening.consent().shareWithCountryOfNationality());
		if (!share) {
			audit.record(AuditRecord.denied("screening.notify", "screening", id,
					current.isPresent() ? "no consent in force on the case (version " + current.get().version() + ")"
							: "no consent"));
			throw new ConflictException("consent", current.isPresent()
					? "The person's consent in force on their case (version " + current.get().version()
							+ ") does not allow telling their country of nationality"
					: "The person did not consent to telling their country of nationality");
		}
		String nationality = jdbc.sql("SELECT profile ->> 'nationality' FROM screening WHERE id = ?").param(id)
				.query(String.class).single();
		List<Organisation> focalPoints = directory.focalPointsOf(CountryCode.parse("nationality", nationality));
		if (focalPoints.isEmpty()) {
			throw new ConflictException("nationality", "No organisation of " + nationality + " has a focal point in tipx");
		}
		for (Organisation to : focalPoints) {
			notices.send(id, officer.organisationId(), to.id().value(), nationality, officer.name(), clock.instant());
		}
		audit.record(AuditRecord.success("screening.notify", "screening", id)
				.withDetail(nationality + ": " + focalPoints.size() + " focal point organisation(s)"));
		return focalPoints;
	}

	/** Which organisations were notified of a screening. */
	@Transactional(readOnly = true)
	public List<UUID> notified(Actor officer, UUID id) {
		return notices.recipients(id, officer.organisationId());
	}

	/**
	 * The notices sent about a screening: to which organisation and when, earliest first, so the page can say the
	 * notification is done instead of offering it again.
	 */
	@Transactional(readOnly = true)
	public List<NoticeSent> noticesSent(Actor officer, UUID id) {
		return notices.sent(id, officer.organisationId()).stream()
				.sorted(java.util.Comparator.comparing(org.tipx.sharing.InboxEntry::createdAt))
				.map(entry -> new NoticeSent(directory.organisation(new OrganisationId(entry.organisationId()))
						.map(Organisation::name).orElse(entry.organisationId().toString()), entry.createdAt()))
				.toList();
	}

	/** A notice sent about a screening: the organisation told, and when. */
	public record NoticeSent(String organisation, java.time.Instant at) {
	}

	private void decide(Actor officer, ScreeningView screening, Outcome outcome, String state, String reason) {
		jdbc.sql("""
				UPDATE screening SET final_outcome = ?, decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?
				WHERE id = ?""").params(outcome.name(), state, reason, officer.name(), now(), screening.id()).update();
	}

	/**
	 * Locks the screening's row for the rest of the transaction, then reads it: two officers deciding at once take
	 * turns, and the second sees what the first decided (a screening voided meanwhile is refused, not decided again).
	 */
	private ScreeningView open(Actor officer, UUID id) {
		jdbc.sql("SELECT id FROM screening WHERE id = ? AND organisation_id = ? FOR UPDATE")
				.params(id, officer.organisationId()).query(UUID.class).optional();
		ScreeningView screening = screenings.find(id, officer.organisationId())
				.orElseThrow(() -> new NotFoundException("No screening " + id + " in your organisation"));
		if (screening.decision().voided()) {
			throw new ConflictException("id", "This screening was voided; it cannot change any more");
		}
		return screening;
	}

	void withdrawLetters(UUID screeningId, String why) {
		int withdrawn = jdbc.sql("""
				UPDATE screening_letter SET withdrawn_at = ?, withdrawn_reason = ? WHERE screening_id = ?
				AND withdrawn_at IS NULL""").params(now(), why, screeningId).update();
		if (withdrawn > 0) {
			audit.record(AuditRecord.success("screening.letter.withdraw", "screening", screeningId).withDetail(why));
		}
	}

	private static String reason(String reason, String field) {
		if (reason == null || reason.strip().length() < MIN_REASON) {
			throw new InvalidInputException(field, "write why, in at least " + MIN_REASON + " characters");
		}
		if (reason.length() > 2000) {
			throw new InvalidInputException(field, "is at most 2000 characters");
		}
		return reason.strip();
	}

	private OffsetDateTime now() {
		return Utc.now(clock);
	}
}
