package org.tipx.screening.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.screening.Outcome;
import org.tipx.shared.Actor;

/**
 * The finished screenings a reader may go back to, newest first: the reader's own, or, for an organisation's
 * administrator, the whole organisation's. Never another organisation's, and never personal data: a row carries the
 * coded nationality, the outcomes and who screened, not a name or an answer. Every listing is audited.
 */
@Service
public class FinishedScreenings {

	private static final String DECISION = "CASE WHEN voided_at IS NOT NULL THEN 'VOIDED' ELSE coalesce(decision, 'PENDING') END";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	FinishedScreenings(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** One page of finished screenings, with how many match in all. */
	@Transactional(readOnly = true)
	public Listing list(Actor reader, ScreeningFilter filter) {
		List<String> where = new ArrayList<>(List.of("organisation_id = ?"));
		List<Object> params = new ArrayList<>(List.of(reader.organisationId()));
		if (!filter.organisationWide()) {
			if (reader.accountId().isPresent()) {
				where.add("screened_by = ?");
				params.add(reader.accountId().get());
			}
			else {
				where.add("screened_by IS NULL AND actor = ?");
				params.add(reader.name());
			}
		}
		if (filter.outcome() != null) {
			where.add("coalesce(final_outcome, outcome) = ?");
			params.add(filter.outcome().name());
		}
		if (filter.decision() != null) {
			where.add(DECISION + " = ?");
			params.add(filter.decision());
		}
		if (filter.from() != null) {
			where.add("created_at >= ?");
			params.add(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			where.add("created_at < ?");
			params.add(filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.nationality() != null) {
			where.add("profile ->> 'nationality' = ?");
			params.add(filter.nationality().value());
		}
		if (filter.query() != null) {
			String like = filter.query().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			where.add("(id::text LIKE ? OR actor ILIKE ?)");
			params.add(like.toLowerCase() + "%");
			params.add("%" + like + "%");
		}
		String condition = String.join(" AND ", where);
		long total = jdbc.sql("SELECT count(*) FROM screening WHERE " + condition).params(params).query(Long.class)
				.single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(filter.size());
		paged.add((long) filter.page() * filter.size());
		List<Item> items = jdbc.sql("""
				SELECT id, created_at, outcome, final_outcome, %s AS state, profile ->> 'nationality' AS nationality,
				  actor, source
				FROM screening WHERE %s ORDER BY created_at DESC, id LIMIT ? OFFSET ?""".formatted(DECISION, condition))
				.params(paged)
				.query((rs, n) -> new Item(rs.getObject("id", UUID.class),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(),
						Outcome.valueOf(rs.getString("outcome")),
						rs.getString("final_outcome") == null ? null : Outcome.valueOf(rs.getString("final_outcome")),
						rs.getString("state"), rs.getString("nationality"), rs.getString("actor"),
						rs.getString("source")))
				.list();
		audit.record(AuditRecord.success("screening.list", "organisation", reader.organisationId())
				.withDetail(filter.describe() + ": " + items.size() + " of " + total));
		return new Listing(items, filter.page(), filter.size(), total);
	}

	/**
	 * A page of screenings.
	 *
	 * @param total how many match the filter, on every page
	 */
	public record Listing(List<Item> items, int page, int size, long total) {

		public boolean hasNext() {
			return (long) (page + 1) * size < total;
		}

		public boolean hasPrevious() {
			return page > 0;
		}
	}

	/**
	 * A finished screening as listed: nothing that names the person.
	 *
	 * @param completedAt   when it was scored
	 * @param outcome       the computed outcome
	 * @param finalOutcome  the officer's outcome, or null while undecided
	 * @param decision      {@code PENDING}, {@code CONFIRMED}, {@code OVERRIDDEN} or {@code VOIDED}
	 * @param nationality   the person's nationality as an ISO code, or null
	 * @param screenedBy    the screener's username (or device)
	 * @param source        {@code WEB}, {@code API} or {@code OPENROSA}
	 */
	public record Item(UUID id, java.time.Instant completedAt, Outcome outcome, Outcome finalOutcome,
			String decision, String nationality, String screenedBy, String source) {

		/** The outcome in force: the officer's where decided, else the computed one. */
		public Outcome outcomeInForce() {
			return finalOutcome != null ? finalOutcome : outcome;
		}
	}
}
