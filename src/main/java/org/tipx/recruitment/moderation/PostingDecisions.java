package org.tipx.recruitment.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;

/** Moderators' decisions; the note is sealed (moderators write what they found, which may name people). */
@Repository
class PostingDecisions {

	static final SealedColumn NOTE = new SealedColumn("recruitment_decision", "id", "note", "recruitment_decision.note");

	private static final String COLUMNS = "id, posting_id, organisation_id, label, note, decided_by, decided_at, report_id";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	PostingDecisions(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	void insert(Decision d) {
		jdbc.sql("INSERT INTO recruitment_decision (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(d.id(), d.postingId(), d.organisationId(), d.label().name(),
						d.note() == null ? null : cipher.seal(d.note(), NOTE.context(d.id())), d.decidedBy(),
						Timestamp.from(d.decidedAt()), d.reportId())
				.update();
	}

	void filed(UUID decisionId, UUID reportId) {
		jdbc.sql("UPDATE recruitment_decision SET report_id = ? WHERE id = ?").params(reportId, decisionId).update();
	}

	/** The posting's decisions, latest first. */
	List<Decision> ofPosting(UUID organisationId, UUID postingId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM recruitment_decision WHERE posting_id = ? AND organisation_id = ?"
				+ " ORDER BY decided_at DESC, id").params(postingId, organisationId).query(this::decision).list();
	}

	Optional<Decision> latest(UUID organisationId, UUID postingId) {
		return ofPosting(organisationId, postingId).stream().findFirst();
	}

	/** The latest decision on each decided posting of the organisation, with the posting's score. */
	List<Scored> latestScored(UUID organisationId) {
		return jdbc.sql("""
				SELECT DISTINCT ON (d.posting_id) d.posting_id, d.label, p.risk_score, d.decided_at
				FROM recruitment_decision d JOIN recruitment_posting p ON p.id = d.posting_id
				WHERE d.organisation_id = ? AND p.risk_score IS NOT NULL
				ORDER BY d.posting_id, d.decided_at DESC, d.id""")
				.param(organisationId)
				.query((rs, row) -> new Scored(rs.getObject(1, UUID.class), Label.valueOf(rs.getString(2)),
						rs.getDouble(3), rs.getTimestamp(4).toInstant()))
				.list();
	}

	private Decision decision(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String note = rs.getString("note");
		return new Decision(id, rs.getObject("posting_id", UUID.class), rs.getObject("organisation_id", UUID.class),
				Label.valueOf(rs.getString("label")), note == null ? null : cipher.open(note, NOTE.context(id)),
				rs.getObject("decided_by", UUID.class), rs.getTimestamp("decided_at").toInstant(),
				rs.getObject("report_id", UUID.class));
	}

	/** A posting's latest label and its score. */
	record Scored(UUID postingId, Label label, double score, java.time.Instant decidedAt) {
	}

	@Configuration(proxyBeanMethods = false)
	static class DecisionSealing {

		@Bean
		SealedColumn recruitmentDecisionNote() {
			return NOTE;
		}
	}
}
