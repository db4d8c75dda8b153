package org.tipx.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.directory.Directory;
import org.tipx.directory.Organisation;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.ReferralContact;
import org.tipx.screening.Outcome;
import org.tipx.shared.Actor;
import org.tipx.shared.NotFoundException;
import org.tipx.sharing.Inbox;
import org.tipx.sharing.InboxEntry;
import org.tipx.sharing.InboxState;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices to the focal points of a person's country of nationality, sent by the screening officer with the person's
 * consent: what the receiving organisation's focal points read and acknowledge. A notice carries the determination
 * and the coded profile, and who to contact: never the sealed identifying answers (name, document, contact,
 * statement), which stay with the screening organisation.
 */
@Service
public class Notices {

	/** The coded profile fields a notice shows; identifying answers are never among them. */
	private static final List<String> CODED = List.of("nationality", "age_band", "gender", "languages", "country_held",
			"date_left");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int SHOWN = 200;

	private final JdbcClient jdbc;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final Inbox inbox;

	Notices(JdbcClient jdbc, Directory directory, AuditTrail audit, Clock clock, Inbox inbox) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** The notices addressed to the focal point's organisation, newest first (at most 200); the reading is audited. */
	@Transactional(readOnly = true)
	public List<NoticeView> received(Actor focalPoint) {
		return received(focalPoint, null);
	}

	/**
	 * The notices addressed to the focal point's organisation that are new ({@code acknowledged} false) or
	 * acknowledged (true), or all (null), newest first (at most 200); the reading is audited.
	 */
	@Transactional(readOnly = true)
	public List<NoticeView> received(Actor focalPoint, Boolean acknowledged) {
		InboxState state = acknowledged == null ? null : acknowledged ? InboxState.ACKNOWLEDGED : InboxState.NEW;
		List<InboxEntry> items = inbox.of(focalPoint.organisationId(), NoticeItems.KIND, state, SHOWN);
		Map<UUID, Screening> screenings = new HashMap<>();
		jdbc.sql("""
				SELECT id, outcome, final_outcome, forced_criminality, non_punishment, measures, profile::text,
				  voided_at IS NOT NULL AS voided
				FROM screening WHERE id = ANY(?)""")
				.param(items.stream().map(i -> NoticeItems.payload(i).screeningId()).distinct().toArray(UUID[]::new))
				.query((rs, n) -> screening(rs)).list().forEach(s -> screenings.put(s.id(), s));
		// most notices come from a few consulates: look each sender up once
		Map<UUID, Optional<Organisation>> senders = new HashMap<>();
		Map<UUID, List<ReferralContact>> contacts = new HashMap<>();
		List<NoticeView> notices = items.stream().map(i -> view(i, screenings, senders, contacts))
				.flatMap(Optional::stream).toList();
		audit.record(AuditRecord.success("screening.notice.list", "organisation", focalPoint.organisationId())
				.withDetail("notices shown=" + notices.size()));
		return notices;
	}

	/** Marks a notice to the focal point's organisation as acknowledged (once; later calls change nothing). */
	@Transactional
	public void acknowledge(Actor focalPoint, UUID noticeId) {
		InboxEntry notice = inbox.find(NoticeItems.KIND, noticeId)
				.filter(n -> n.organisationId().equals(focalPoint.organisationId()))
				.orElseThrow(() -> {
					audit.record(AuditRecord.denied("screening.notice.acknowledge", "screening_notice", noticeId,
							"not a notice to this organisation"));
					return new NotFoundException("No notice " + noticeId + " to your organisation");
				});
		if (notice.acknowledgedAt() == null) {
			inbox.triage(NoticeItems.KIND, noticeId, new Inbox.Triage(InboxState.ACKNOWLEDGED, notice.note(),
					focalPoint.accountId().orElse(null), focalPoint.name(), clock.instant()));
			audit.record(AuditRecord.success("screening.notice.acknowledge", "screening_notice", noticeId)
					.withDetail("screening " + NoticeItems.payload(notice).screeningId()));
		}
	}

	private Optional<NoticeView> view(InboxEntry item, Map<UUID, Screening> screenings,
			Map<UUID, Optional<Organisation>> senders, Map<UUID, List<ReferralContact>> contacts) {
		NoticeItems.Payload notice = NoticeItems.payload(item);
		Screening s = screenings.get(notice.screeningId());
		if (s == null) {
			return Optional.empty();
		}
		Organisation sender = senders.computeIfAbsent(notice.fromOrganisationId(),
				id -> directory.organisation(new OrganisationId(id))).orElse(null);
		return Optional.of(new NoticeView(item.id(), notice.screeningId(), sender == null ? "(unknown)" : sender.name(),
				sender == null ? null : sender.country().value(), notice.sentBy(), item.createdAt(), notice.country(),
				s.outcome(), s.finalOutcome(), s.forcedCriminality(), s.nonPunishment(), s.measures(), s.profile(),
				s.voided(), item.acknowledgedBy(), item.acknowledgedAt(),
				sender == null ? List.of() : contacts.computeIfAbsent(sender.id().value(), id -> contactsOf(sender))));
	}

	/** The referral contacts the sending organisation keeps for its own country: whom the focal point calls. */
	private List<ReferralContact> contactsOf(Organisation sender) {
		return directory.referralContacts(Set.of(sender.country())).stream()
				.filter(c -> c.organisationId().equals(sender.id().value())).toList();
	}

	private static Screening screening(ResultSet rs) throws SQLException {
		Map<String, String> all = JSON.readValue(rs.getString("profile"), new TypeReference<Map<String, String>>() {
		});
		Map<String, String> profile = new LinkedHashMap<>();
		CODED.forEach(key -> {
			if (all.get(key) != null && !all.get(key).isBlank()) {
				profile.put(key, all.get(key));
			}
		});
		String finalOutcome = rs.getString("final_outcome");
		return new Screening(rs.getObject("id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
				finalOutcome == null ? null : Outcome.valueOf(finalOutcome), rs.getBoolean("forced_criminality"),
				rs.getBoolean("non_punishment"), Arrays.asList((String[]) rs.getArray("measures").getArray()), profile,
				rs.getBoolean("voided"));
	}

	/** What a notice shows of its screening, read when the notice is read (so a voided screening shows as voided). */
	private record Screening(UUID id, Outcome outcome, Outcome finalOutcome, boolean forcedCriminality,
			boolean nonPunishment, List<String> measures, Map<String, String> profile, boolean voided) {
	}

	/**
	 * One notice as its recipients see it.
	 *
	 * @param outcome      computed from the answers
	 * @param finalOutcome the officer's decision, once made
	 * @param profile      coded profile only: nationality, age band, gender, languages, country held, date left
	 * @param referralContacts the referral contacts the sending organisation keeps for its country: whom to call
	 */
	public record NoticeView(UUID id, UUID screeningId, String fromOrganisation, String fromCountry, String sentBy,
			Instant sentAt, String nationality, Outcome outcome, Outcome finalOutcome, boolean forcedCriminality,
			boolean nonPunishment, List<String> measures, Map<String, String> profile, boolean voided,
			String acknowledgedBy, Instant acknowledgedAt, List<ReferralContact> referralContacts) {

		/** The outcome that counts: the officer's decision, else the computed one. */
		public Outcome current() {
			return finalOutcome == null ? outcome : finalOutcome;
		}

		public boolean acknowledged() {
			return acknowledgedAt != null;
		}
	}
}
