package org.tipx.recruitment.monitoring;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.recruitment.Posting;
import org.tipx.recruitment.Reason;

import tools.jackson.databind.json.JsonMapper;

/**
 * Postings picked up by monitoring. The posting's text and its reasons (with the evidence quoted from it) are one
 * sealed JSON value: ads carry contacts that may be private persons' numbers and names, so they are kept as personal
 * data. Score, flag, language, group and MinHash signature stay in the clear for the queue and for grouping. Reads here
 * are not audited; the moderation use cases that show postings audit them.
 */
@Repository
public class MonitoredPostings {

	static final SealedColumn CONTENT = new SealedColumn("recruitment_posting", "id", "content",
			"recruitment_posting.content");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, organisation_id, source_id, external_key, content, risk_score,"
			+ " engine_flagged, language, error, group_id, duplicate_of, similarity, fetched_at";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	MonitoredPostings(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	void insert(StoredPosting p, int[] signature, long[] bands) {
		String content = cipher.seal(JSON.writeValueAsString(new Content(p.posting(), p.reasons())),
				CONTENT.context(p.id()));
		jdbc.sql("INSERT INTO recruitment_posting (" + COLUMNS + ", signature)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::int[])")
				.params(p.id(), p.organisationId(), p.sourceId(), p.externalKey(), content, p.riskScore(),
						p.engineFlagged(), p.language(), p.error(), p.groupId(), p.duplicateOf(), p.similarity(),
						Timestamp.from(p.fetchedAt()), boxed(signature))
				.update();
		for (int band = 0; band < bands.length; band++) {
			jdbc.sql("INSERT INTO recruitment_posting_band (organisation_id, band, hash, posting_id) VALUES (?, ?, ?, ?)"
					+ " ON CONFLICT DO NOTHING").params(p.organisationId(), band, bands[band], p.id()).update();
		}
	}

	/** Which of these keys the source has delivered before. */
	Set<String> known(UUID sourceId, Collection<String> keys) {
		if (keys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT external_key FROM recruitment_posting WHERE source_id = ?"
				+ " AND external_key = ANY (?::text[])").params(sourceId, keys.toArray(String[]::new))
				.query(String.class).list());
	}

	/** The organisation's postings that share at least one LSH band with the signature. */
	List<Candidate> candidates(UUID organisationId, long[] bands) {
		Long[] hashes = new Long[bands.length];
		Integer[] numbers = new Integer[bands.length];
		for (int i = 0; i < bands.length; i++) {
			hashes[i] = bands[i];
			numbers[i] = i;
		}
		return jdbc.sql("""
				SELECT p.id, p.group_id, p.signature FROM recruitment_posting p
				WHERE p.id IN (SELECT b.posting_id FROM recruitment_posting_band b
				  JOIN unnest(?::int[], ?::bigint[]) AS q(band, hash) ON b.band = q.band AND b.hash = q.hash
				  WHERE b.organisation_id = ?)""")
				.params(numbers, hashes, organisationId)
				.query((rs, row) -> new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						unboxed(rs.getArray(3))))
				.list();
	}

	/** A posting of the organisation, opened. */
	public Optional<StoredPosting> find(UUID organisationId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM recruitment_posting WHERE id = ? AND organisation_id = ?")
				.params(id, organisationId).query(this::posting).optional();
	}

	/** The postings of a group, oldest first, opened. */
	public List<StoredPosting> group(UUID organisationId, UUID groupId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM recruitment_posting WHERE group_id = ? AND organisation_id = ?"
				+ " ORDER BY fetched_at, id").params(groupId, organisationId).query(this::posting).list();
	}

	/**
	 * The organisation's postings flagged at its operating threshold (or by the engine, when it has none) and not yet
	 * decided, highest risk first, opened.
	 */
	public List<StoredPosting> flaggedUndecided(UUID organisationId, Double threshold, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM recruitment_posting p WHERE organisation_id = ?"
				+ " AND (CASE WHEN ?::float8 IS NULL THEN engine_flagged ELSE risk_score >= ?::float8 END)"
				+ " AND NOT EXISTS (SELECT 1 FROM recruitment_decision d WHERE d.posting_id = p.id)"
				+ " ORDER BY risk_score DESC NULLS LAST, fetched_at, id LIMIT ?")
				.params(organisationId, threshold, threshold, limit).query(this::posting).list();
	}

	/** How many postings each group of the organisation holds, for these groups. */
	public java.util.Map<UUID, Integer> groupSizes(UUID organisationId, Collection<UUID> groups) {
		java.util.Map<UUID, Integer> sizes = new java.util.HashMap<>();
		if (groups.isEmpty()) {
			return sizes;
		}
		jdbc.sql("SELECT group_id, count(*) FROM recruitment_posting WHERE organisation_id = ? AND group_id = ANY (?::uuid[])"
				+ " GROUP BY group_id").params(organisationId, groups.stream().map(UUID::toString).toArray(String[]::new))
				.query(rs -> {
					sizes.put(rs.getObject(1, UUID.class), rs.getInt(2));
				});
		return sizes;
	}

	private StoredPosting posting(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Content content = JSON.readValue(cipher.open(rs.getString("content"), CONTENT.context(id)), Content.class);
		return new StoredPosting(id, rs.getObject("organisation_id", UUID.class), rs.getObject("source_id", UUID.class),
				rs.getString("external_key"), content.posting(), content.reasons(), (Double) rs.getObject("risk_score"),
				rs.getBoolean("engine_flagged"), rs.getString("language"), rs.getString("error"),
				rs.getObject("group_id", UUID.class), rs.getObject("duplicate_of", UUID.class),
				(Double) rs.getObject("similarity"), rs.getTimestamp("fetched_at").toInstant());
	}

	private static Integer[] boxed(int[] values) {
		Integer[] boxed = new Integer[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return boxed;
	}

	private static int[] unboxed(Array array) throws SQLException {
		Integer[] values = (Integer[]) array.getArray();
		int[] unboxed = new int[values.length];
		for (int i = 0; i < values.length; i++) {
			unboxed[i] = values[i];
		}
		return unboxed;
	}

	/** A possible near-duplicate: its group and signature. */
	record Candidate(UUID id, UUID groupId, int[] signature) {
	}

	/** What is sealed. */
	record Content(Posting posting, List<Reason> reasons) {
	}

	@Configuration(proxyBeanMethods = false)
	static class PostingSealing {

		@Bean
		SealedColumn recruitmentPostingContent() {
			return CONTENT;
		}
	}
}
