package org.tipx.recruitment.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.recruitment.Assessment;

/**
 * Each organisation's operating threshold, once moderation has recalibrated it from enough decisions; until then the
 * engine's own {@code flagged} applies. It decides what counts as flagged for the queue and the alerts, and the
 * {@code flagged} of the scoring API's and the check page's answers to that organisation's people and machines.
 */
@Repository
public class OperatingThresholds {

	private final JdbcClient jdbc;

	OperatingThresholds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Calibrated> of(UUID organisationId) {
		return jdbc.sql("SELECT threshold, f1, decided, computed_at FROM recruitment_threshold WHERE organisation_id = ?")
				.param(organisationId)
				.query((rs, row) -> new Calibrated(rs.getDouble(1), rs.getDouble(2), rs.getInt(3),
						rs.getTimestamp(4).toInstant()))
				.optional();
	}

	public void save(UUID organisationId, Calibrated calibrated) {
		jdbc.sql("""
				INSERT INTO recruitment_threshold (organisation_id, threshold, f1, decided, computed_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (organisation_id) DO UPDATE SET threshold = EXCLUDED.threshold, f1 = EXCLUDED.f1,
				  decided = EXCLUDED.decided, computed_at = EXCLUDED.computed_at""")
				.params(organisationId, calibrated.threshold(), calibrated.f1(), calibrated.decided(),
						Timestamp.from(calibrated.computedAt()))
				.update();
	}

	/** Whether the assessment counts as flagged for the organisation. */
	public boolean flagged(UUID organisationId, Assessment assessment) {
		if (assessment.riskScore() == null) {
			return false;
		}
		return of(organisationId).map(c -> assessment.riskScore() >= c.threshold()).orElse(assessment.flagged());
	}

	/** The assessments with {@code flagged} at the organisation's operating threshold (one look-up for all). */
	public List<Assessment> applied(UUID organisationId, List<Assessment> assessments) {
		Optional<Calibrated> calibrated = of(organisationId);
		if (calibrated.isEmpty()) {
			return assessments;
		}
		double threshold = calibrated.get().threshold();
		return assessments.stream()
				.map(a -> a.riskScore() == null ? a
						: new Assessment(a.id(), a.riskScore(), a.riskScore() >= threshold, a.language(), a.reasons(),
								a.error()))
				.toList();
	}

	/** A threshold chosen from decisions: the F1 it reached on them, and how many decided postings it saw. */
	public record Calibrated(double threshold, double f1, int decided, Instant computedAt) {

		public Calibrated {
			if (threshold < 0 || threshold > 1) {
				throw new IllegalArgumentException("threshold must lie in [0, 1]");
			}
		}
	}
}
