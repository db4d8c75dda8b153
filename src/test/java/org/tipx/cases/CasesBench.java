package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tipx.Api;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.cases.internal.CaseQuery;
import org.tipx.cases.internal.CaseSummary;
import org.tipx.cases.internal.Cases;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SearchTokens;
import org.tipx.shared.Actor;

/**
 * The case list at size (issue 12): {@code bench.cases} generated cases (default 100,000) with their consent,
 * referrals and tasks; then the first page of the list and of searches through {@link Cases#list}, each beside the
 * bare indexed query that returns the same rows, in the same run, with p50/p95/p99, the ratio and whether the goal
 * (p95 at most 200 ms and at most five times the bare query) is met. Checks that the service and the bare query give
 * the same rows. Not part of {@code ./mvnw verify} (the name does not end in Tests); run {@code bench/cases-100k.sh}.
 */
@TipxIntegrationTest
class CasesBench {

	private static final String[] COUNTRIES = { "TH", "KH", "MM", "LA", "VN", "ID" };

	private static final String[] TYPES = { "GOVERNMENT", "CIVIL_SOCIETY", "LAW_ENFORCEMENT",
			"INTERNATIONAL_ORGANISATION", "CIVIL_SOCIETY", "CONSULATE" };

	private static final String[] REFERRAL_STATES = { "SENT", "ACCEPTED", "DECLINED", "COMPLETED", "REVOKED" };

	/** What every bare query selects: the columns of the list, the latest referral's state, the overdue tasks. */
	private static final String COLUMNS = """
			SELECT c.id, c.reference, c.status, c.screening_id, c.owner_organisation_id, c.trafficking_status,
			  c.nationality, c.age_band, c.gender, c.risk, c.non_punishment, c.opened_at, c.updated_at,
			""";

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Cases cases;

	@Autowired
	FieldCipher cipher;

	@Autowired
	SearchTokens tokens;

	/** The schema owner, for ANALYZE: tipx's own role may not. */
	JdbcTemplate owner;

	@Autowired
	void asTheSchemaOwner(@FlywayDataSource DataSource ownerDataSource) {
		owner = new JdbcTemplate(ownerDataSource);
	}

	/** A case worker, as the directory puts one in the security context. */
	record Worker(Optional<UUID> accountId, String name, String identity, UUID organisationId) implements Actor {

		static Worker of(UUID organisation) {
			UUID account = UUID.randomUUID();
			return new Worker(Optional.of(account), "bench-" + account.toString().substring(0, 8), account.toString(),
					organisation);
		}
	}

	/** One measured scenario: the service's query and the bare one, for iteration {@code i}. */
	record Scenario(String name, Worker worker, IntFunction<CaseQuery> query, IntFunction<Bare> bare) {
	}

	/** A bare query and its parameters. */
	record Bare(String sql, List<Object> params) {
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void caseListAtSize() throws Exception {
		int size = Integer.getInteger("bench.cases", 100_000);
		int queries = Integer.getInteger("bench.queries", 2_000);
		int warmUp = Math.max(50, Math.min(300, queries / 5));
		List<String> out = new ArrayList<>();
		out.add(String.format(Locale.ROOT, "machine: %d cores, max heap %d MB, Java %s; PostgreSQL %s, collation %s",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
				System.getProperty("java.version"), jdbc.sql("SHOW server_version").query(String.class).single(),
				jdbc.sql("SELECT datcollate FROM pg_database WHERE datname = current_database()").query(String.class)
						.single()));

		long started = System.nanoTime();
		Fixtures fixtures = new Fixtures(new Api(port));
		List<UUID> organisations = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			organisations.add(UUID.fromString(fixtures.organisation(TYPES[i % TYPES.length],
					COUNTRIES[i % COUNTRIES.length])));
		}
		double directorySeconds = seconds(started);
		started = System.nanoTime();
		CasesWorkload workload = new CasesWorkload(size, organisations, 0, 1, Instant.now());
		workload.write(dataSource, cipher, tokens);
		double copySeconds = seconds(started);
		started = System.nanoTime();
		owner.execute("ANALYZE cases_case, cases_consent, cases_referral, cases_task, cases_break_glass");
		double analyseSeconds = seconds(started);
		CasesWorkload.Counts n = workload.counts;
		UUID big = organisations.get(0);
		UUID receiver = organisations.get(1);
		long referred = jdbc.sql("SELECT count(DISTINCT case_id) FROM cases_referral WHERE to_organisation_id = ?"
				+ " AND state IN ('ACCEPTED', 'COMPLETED')").param(receiver).query(Long.class).single();
		out.add(String.format(Locale.ROOT, "data: %,d cases in 50 organisations of 6 countries, %,d consents, %,d"
				+ " referrals, %,d tasks (%,d open past due, on %,d cases); personal fields of every case and every task"
				+ " title sealed, name tokens of every case", n.cases, n.cases, n.referrals, n.tasks, n.overdueTasks,
				n.casesWithOverdue));
		out.add(String.format(Locale.ROOT, "      organisations through the API %.1f s, rows sealed and COPYed %.1f s,"
				+ " ANALYZE %.1f s; database %,d MB", directorySeconds, copySeconds, analyseSeconds,
				jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single() / (1024 * 1024)));
		out.add(String.format(Locale.ROOT, "      big organisation: %,d cases of its own; receiving organisation: %,d"
				+ " of its own and %,d seen through accepted or completed referrals", n.bigCases, n.receiverOwn,
				referred));

		Worker bigWorker = Worker.of(big);
		Worker receiverWorker = Worker.of(receiver);
		SplittableRandom random = new SplittableRandom(5);
		List<String> words = new ArrayList<>(CasesWorkload.GIVEN);
		words.addAll(CasesWorkload.FAMILY);
		int wordCount = words.size();
		String[] word = new String[queries + warmUp];
		String[] prefix = new String[queries + warmUp];
		for (int i = 0; i < word.length; i++) {
			word[i] = words.get(random.nextInt(wordCount));
			String reference = workload.bigReferences.get(random.nextInt(workload.bigReferences.size()));
			prefix[i] = reference.substring(0, 6);
		}
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		List<Scenario> scenarios = List.of(
				new Scenario("(1a) list, big organisation, no filter", bigWorker,
						i -> new CaseQuery(null, null, null, null, null, null, null, 0),
						i -> owned(big, today, "", List.of())),
				new Scenario("(1b) list, big organisation, status OPEN", bigWorker,
						i -> new CaseQuery(null, "OPEN", null, null, null, null, null, 0),
						i -> owned(big, today, " AND c.status = ?", List.of("OPEN"))),
				new Scenario("(2) list, overdue tasks", bigWorker,
						i -> new CaseQuery(null, null, null, null, null, null, true, 0),
						i -> owned(big, today, " AND EXISTS (SELECT 1 FROM cases_task t WHERE t.case_id = c.id"
								+ " AND t.state = 'OPEN' AND t.due_on < ?)", List.of(today))),
				new Scenario("(3) list, referral state (each of the five in turn)", bigWorker,
						i -> new CaseQuery(null, null, null, null, null, REFERRAL_STATES[i % 5], null, 0),
						i -> owned(big, today, " AND EXISTS (SELECT 1 FROM cases_referral r WHERE r.case_id = c.id"
								+ " AND r.state = ?)", List.of(REFERRAL_STATES[i % 5]))),
				new Scenario("(4) search, one name word", bigWorker,
						i -> new CaseQuery(null, null, word[i], null, null, null, null, 0),
						i -> owned(big, today, " AND c.name_tokens @> ?::text[]",
								List.of((Object) tokens.of(word[i], CasesWorkload.NAME_TOKENS).toArray(String[]::new)))),
				new Scenario("(5) search, reference prefix (C- and 4 characters)", bigWorker,
						i -> new CaseQuery(null, null, prefix[i], null, null, null, null, 0),
						i -> owned(big, today, " AND c.reference LIKE ?", List.of(prefix[i] + "%"))),
				new Scenario("(6) list, receiving organisation (own cases and accepted referrals)", receiverWorker,
						i -> new CaseQuery(null, null, null, null, null, null, null, 0),
						i -> received(receiver, today)));

		boolean allSame = true;
		boolean allMet = true;
		for (Scenario scenario : scenarios) {
			signIn(scenario.worker());
			for (int i = 0; i < warmUp; i++) {
				cases.list(scenario.worker(), scenario.query().apply(queries + i));
				bare(scenario.bare().apply(queries + i));
			}
			long[] service = new long[queries];
			long[] bare = new long[queries];
			int same = 0;
			long rows = 0;
			for (int i = 0; i < queries; i++) {
				CaseQuery query = scenario.query().apply(i);
				Bare plain = scenario.bare().apply(i);
				long t = System.nanoTime();
				Cases.CasePage page = cases.list(scenario.worker(), query);
				service[i] = System.nanoTime() - t;
				t = System.nanoTime();
				List<String> expected = bare(plain);
				bare[i] = System.nanoTime() - t;
				rows += page.items().size();
				if (page.items().stream().map(CasesBench::key).toList()
						.equals(expected.subList(0, Math.min(expected.size(), CaseQuery.PAGE_SIZE)))
						&& page.more() == expected.size() > CaseQuery.PAGE_SIZE) {
					same++;
				}
			}
			double p95 = percentile(service, 95);
			double bareP95 = percentile(bare, 95);
			boolean met = p95 <= 200 && p95 <= 5 * bareP95;
			allMet &= met;
			allSame &= same == queries;
			out.add(String.format(Locale.ROOT, "%s: %,d queries, %.1f rows a page, same rows as the bare query %s",
					scenario.name(), queries, (double) rows / queries, same == queries ? "in all" : "in " + same));
			out.add(String.format(Locale.ROOT, "    Cases.list p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; bare indexed query"
					+ " p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; p95 ratio %.1fx; goal (p95 <= 200 ms and <= 5x bare): %s",
					percentile(service, 50), p95, percentile(service, 99), percentile(bare, 50), bareP95,
					percentile(bare, 99), p95 / bareP95, met ? "met" : "NOT met"));
			if (!met || Boolean.getBoolean("bench.plans")) {
				IssuedQuery issued = IssuedQuery.during(() -> cases.list(scenario.worker(), scenario.query().apply(0)),
						"AS referral_state", () -> tokens.of(word[0], CasesWorkload.NAME_TOKENS).toArray(String[]::new));
				out.add("    plan of the service's query (as Cases.list issued it):");
				explain(new Bare(issued.sql(), issued.params())).forEach(line -> out.add("      " + line));
				out.add("    plan of the bare query:");
				explain(scenario.bare().apply(0)).forEach(line -> out.add("      " + line));
			}
		}
		out.add("all goals: " + (allMet ? "met" : "NOT met") + "; rows identical: " + (allSame ? "yes" : "NO"));

		System.out.println("\n==== cases bench ====");
		out.forEach(System.out::println);
		System.out.println("=====================\n");
		assertThat(allSame).as("the service and the bare query give the same rows").isTrue();
	}

	/** The big organisation's own cases (it receives no referral): the owner index, newest change first. */
	private static Bare owned(UUID organisation, LocalDate today, String filter, List<Object> filterParams) {
		List<Object> params = new ArrayList<>(List.of(today, organisation));
		params.addAll(filterParams);
		return new Bare(COLUMNS + """
				  'OWNER' AS access,
				  (SELECT r.state FROM cases_referral r WHERE r.case_id = c.id ORDER BY r.sent_at DESC LIMIT 1)
				    AS referral_state,
				  (SELECT count(*) FROM cases_task t WHERE t.case_id = c.id AND t.state = 'OPEN' AND t.due_on < ?)
				    AS overdue
				FROM cases_case c WHERE c.owner_organisation_id = ?""" + filter
				+ " ORDER BY c.updated_at DESC, c.id LIMIT 51", params);
	}

	/**
	 * The receiving organisation's own cases and those referred to it and accepted (or completed), written by hand:
	 * the newest 51 of each, merged (it owns none of the cases referred to it).
	 */
	private static Bare received(UUID organisation, LocalDate today) {
		return new Bare(COLUMNS + """
				  c.access,
				  (SELECT r.state FROM cases_referral r WHERE r.case_id = c.id
				     AND (c.access = 'OWNER' OR r.to_organisation_id = ?) ORDER BY r.sent_at DESC LIMIT 1)
				    AS referral_state,
				  (SELECT count(*) FROM cases_task t WHERE t.case_id = c.id AND t.state = 'OPEN' AND t.due_on < ?)
				    AS overdue
				FROM (
				  (SELECT o.*, 'OWNER' AS access FROM cases_case o WHERE o.owner_organisation_id = ?
				   ORDER BY o.updated_at DESC, o.id LIMIT 51)
				  UNION ALL
				  (SELECT d.*, 'REFERRED' FROM cases_case d WHERE d.id IN (SELECT case_id FROM cases_referral
				     WHERE to_organisation_id = ? AND state IN ('ACCEPTED', 'COMPLETED'))
				   ORDER BY d.updated_at DESC, d.id LIMIT 51)) c
				ORDER BY c.updated_at DESC, c.id LIMIT 51""",
				List.of(organisation, today, organisation, organisation));
	}

	/** The rows of a bare query, each as the fields the list shows that the bare query decides. */
	private List<String> bare(Bare bare) {
		return jdbc.sql(bare.sql()).params(bare.params())
				.query((rs, i) -> rs.getObject("id") + "/" + rs.getString("access") + "/"
						+ rs.getString("referral_state") + "/" + rs.getInt("overdue"))
				.list();
	}

	private static String key(CaseSummary s) {
		return s.id() + "/" + s.access() + "/" + s.referralState() + "/" + s.overdueTasks();
	}

	private List<String> explain(Bare bare) {
		return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + bare.sql()).params(bare.params()).query(String.class).list();
	}

	private static void signIn(Worker worker) {
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(worker, null,
				List.of(new SimpleGrantedAuthority("ACCOUNT"), new SimpleGrantedAuthority("ROLE_CASE_WORKER"))));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static double percentile(long[] nanos, int p) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}
}
