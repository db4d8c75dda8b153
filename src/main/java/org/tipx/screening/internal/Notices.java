package org.tipx.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.tipx.shared.NotFoundException;

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

	Notices(JdbcClient jdbc, Directory directory, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** The notices addressed to the focal point's organisation, newest first (at most 200); the reading is audited. */
	@Transactional(readOnly = true)
	public List<NoticeView> received(Actor focalPoint) {
		// most notices come from a few consulates: look each sender up once
		Map<UUID, Optional<Organisation>> senders = new HashMap<>();
		List<NoticeView> notices = jdbc.sql("""
				SELECT n.id, n.screening_id, n.from_organisation_id, n.country, n.sent_by, n.sent_at, n.acknowledged_by,
				  n.acknowledged_at, s.outcome, s.final_outcome, s.forced_criminality, s.non_punishment, s.measures,
				  s.profile::text, s.voided_at IS NOT NULL AS voided
				FROM screening_notice n JOIN screening s ON s.id = n.screening_id
				WHERE n.to_organisation_id = ? ORDER BY n.sent_at DESC, n.id LIMIT ?""")
				.params(focalPoint.organisationId(), SHOWN).query((rs, n) -> map(rs, senders)).list();
		audit.record(AuditRecord.success("screening.notice.list", "organisation", focalPoint.organisationId())
				.withDetail("notices shown=" + notices.size()));
		return notices;
	}

	/** Marks a notice to the focal point's organisation as acknowledged (once; later calls change nothing). */
	@Transactional
	public void acknowledge(Actor focalPoint, UUID noticeId) {
		UUID screening = jdbc.sql("SELECT screening_id FROM screening_notice WHERE id = ? AND to_organisation_id = ?")
				.params(noticeId, focalPoint.organisationId()).query(UUID.class).optional()
				.orElseThrow(() -> {
					audit.record(AuditRecord.denied("screening.notice.acknowledge", "screening_notice", noticeId,
							"not a notice to this organisation"));
					return new NotFoundException("No notice " + noticeId + " to your organisation");
				});
		int changed = jdbc.sql("""
				UPDATE screening_notice SET acknowledged_by = ?, acknowledged_at = ?
				WHERE id = ? AND acknowledged_at IS NULL""")
				.params(focalPoint.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), noticeId).update();
		if (changed == 1) {
			audit.record(AuditRecord.success("screening.notice.acknowledge", "screening_notice", noticeId)
					.withDetail("screening " + screening));
		}
	}

	private NoticeView map(ResultSet rs, Map<UUID, Optional<Organisation>> senders) throws SQLException {
		UUID from = rs.getObject("from_organisation_id", UUID.class);
		Organisation sender = senders.computeIfAbsent(from, id -> directory.organisation(new OrganisationId(id)))
				.orElse(null);
		Map<String, String> all = JSON.readValue(rs.getString("profile"), new TypeReference<Map<String, String>>() {
		});
		Map<String, String> profile = new LinkedHashMap<>();
		CODED.forEach(key -> {
			if (all.get(key) != null && !all.get(key).isBlank()) {
				profile.put(key, all.get(key));
			}
		});
		String finalOutcome = rs.getString("final_outcome");
		return new NoticeView(rs.getObject("id", UUID.class), rs.getObject("screening_id", UUID.class),
				sender == null ? "(unknown)" : sender.name(), sender == null ? null : sender.country().value(),
				rs.getString("sent_by"), instant(rs, "sent_at"), rs.getString("country"),
				Outcome.valueOf(rs.getString("outcome")), finalOutcome == null ? null : Outcome.valueOf(finalOutcome),
				rs.getBoolean("forced_criminality"), rs.getBoolean("non_punishment"),
				Arrays.asList((String[]) rs.getArray("measures").getArray()), profile, rs.getBoolean("voided"),
				rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

	/**
	 * One notice as its recipients see it.
	 *
	 * @param outcome      computed from the answers
	 * @param finalOutcome the officer's decision, once made
	 * @param profile      coded profile only: nationality, age band, gender, languages, country held, date left
	 */
	public record NoticeView(UUID id, UUID screeningId, String fromOrganisation, String fromCountry, String sentBy,
			Instant sentAt, String nationality, Outcome outcome, Outcome finalOutcome, boolean forcedCriminality,
			boolean nonPunishment, List<String> measures, Map<String, String> profile, boolean voided,
			String acknowledgedBy, Instant acknowledgedAt) {

		/** The outcome that counts: the officer's decision, else the computed one. */
		public Outcome current() {
			return finalOutcome == null ? outcome : finalOutcome;
		}

		public boolean acknowledged() {
			return acknowledgedAt != null;
		}
	}
}
