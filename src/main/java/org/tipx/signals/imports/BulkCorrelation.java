package org.tipx.signals.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.correlation.Correlation;
import org.tipx.signals.correlation.Cuts;
import org.tipx.signals.correlation.LinkRules;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;

/**
 * Links many freshly stored reports at once, with the same rules as {@link Correlation#join}: linkable values only,
 * phones and handles within the age-out, cuts respected, and a value held by more reports than the cap that would
 * bridge otherwise unconnected networks flagged instead of linking. Works on networks rather than reports: the
 * import's own holders are kept in memory as its batches are written and the committed holders of each value read
 * once, before the import's first row of it ({@link Tracking}, ADR 0030); a union-find joins their networks, and one
 * statement renames the merged ones (the oldest network id survives). When a split since the import began forces a
 * new plan, one streamed query reads every holder of every value the import carries ({@link #plan(UUID)}). The linking is worked out without the
 * correlation lock ({@link #plan}) and applied under it ({@link #apply}), reconciling what single filings changed in
 * between (ADR 0021).
 */
@Component
class BulkCorrelation {

	private final JdbcTemplate jdbc;

	private final LinkRules rules;

	private final SignalsSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	BulkCorrelation(DataSource dataSource, LinkRules rules, SignalsSettings settings, AuditTrail audit, Clock clock) {
		// its own template: the holders are streamed in pages rather than read whole
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(10_000);
		this.rules = rules;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Links the reports of one import (each stored in a network of its own) with each other and with what is stored,
	 * all in one go: for callers that hold the correlation lock already. Returns, for each network that absorbed
	 * others, the networks it absorbed.
	 */
	Map<UUID, Set<UUID>> correlate(UUID importId) {
		return apply(plan(importId));
	}

	/**
	 * Starts gathering an import's holders in memory, batch by batch ({@link Tracking#beforeWriting}), so that the
	 * linking need not read the import's own rows back (ADR 0030). Call before the import writes its first row: the
	 * journal position is read here, and every change journalled after it is reconciled in {@link #apply}.
	 */
	Tracking track(UUID importId) {
		return new Tracking(importId, jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM signals_link_change",
				Long.class));
	}

	/**
	 * Works out, without the correlation lock, how the import's reports link, from what {@code tracking} gathered: the
	 * import's own holders (in memory) and the committed holders of each of its values (read before the import's
	 * first row of that value was written). The same groups, in the same order, as the query of {@link #plan(UUID)},
	 * linked by the same code; what single filings changed since {@link #track} is reconciled by {@link #apply}.
	 */
	Plan plan(Tracking tracking) {
		Instant now = clock.instant();
		Plan plan = new Plan(tracking.importId, tracking.since, now, new Networks(), new ArrayList<>(),
				tracking.cuts());
		tracking.link(plan, now);
		return plan;
	}

	/**
	 * Works out, without the correlation lock, how the import's reports link: every holder of every value they carry,
	 * as committed now, unioned by network. Single filings go on meanwhile; {@link #apply} reconciles what they
	 * changed.
	 */
	Plan plan(UUID importId) {
		Instant now = clock.instant();
		// read before the holders: every change journalled after this is reconciled, so none is missed
		long since = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM signals_link_change", Long.class);
		Plan plan = new Plan(importId, since, now, new Networks(), new ArrayList<>(), cuts(importId));
		holders(plan, """
				SELECT i.type, i.canonical, r.id, r.network_id, r.observed_at, n.created_at
				FROM signals_indicator i
				JOIN signals_report r ON r.id = i.report_id
				JOIN signals_network n ON n.id = r.network_id
				WHERE i.valid AND NOT (i.type = ANY(?))
				  AND r.retracted_at IS NULL AND (r.expires_at IS NULL OR r.expires_at > ?)
				  AND (i.type, i.canonical) IN (
				    SELECT DISTINCT v.type, v.canonical FROM signals_indicator v
				    JOIN signals_report nr ON nr.id = v.report_id AND nr.import_id = ?
				    WHERE v.valid)
				ORDER BY i.type, i.canonical, r.observed_at, r.id""", weakTypes(), ReportStore.utc(now), importId);
		return plan;
	}

	/**
	 * Under the correlation lock, until commit: reconciles what single filings and curation changed since the plan
	 * was made, then flags the capped values that would bridge groups and renames the absorbed networks. A report
	 * filed since is linked to the import's reports as if filed after them; networks merged since are merged in the
	 * plan too. Anything that may have split a network or changed what links (a cut, a retraction, an expiry, a cap
	 * flag, a warning-list entry) makes it plan again, under the lock.
	 */
	Map<UUID, Set<UUID>> apply(Plan plan) {
		List<Change> changes = jdbc.query("SELECT seq, report_id, merged, survivor, split FROM signals_link_change"
				+ " WHERE seq > ? ORDER BY seq", (rs, n) -> new Change(rs.getObject(2, UUID.class),
						rs.getArray(3) == null ? new UUID[0] : (UUID[]) rs.getArray(3).getArray(),
						rs.getObject(4, UUID.class), rs.getBoolean(5)), plan.since());
		if (changes.stream().anyMatch(Change::split)) {
			return apply(plan(plan.importId()));
		}
		if (!changes.isEmpty()) {
			reconcile(plan, changes);
			if (plan.stale) {
				return apply(plan(plan.importId()));
			}
		}
		Networks networks = plan.networks();
		for (Holding holding : plan.overCap()) {
			Set<Integer> components = new HashSet<>();
			holding.networks().forEach(n -> components.add(networks.find(n)));
			if (components.size() > 1) {
				String reason = "held by " + holding.reports() + " reports in " + components.size()
						+ " otherwise unconnected groups (cap " + settings.linkCap() + ")";
				rules.flagged(holding.value(), plan.now(), reason);
				audit.recordFor("system", AuditRecord.success("signals.value.flag", holding.value().type().wire(),
						holding.value().canonical()).withDetail(reason));
			}
		}
		// the journal is read only by imports planned in the last moments; a day is far more than any import's plan
		jdbc.update("DELETE FROM signals_link_change WHERE created_at < now() - interval '1 day'");
		return networks.merge(jdbc);
	}

	/** Merges as the single filings merged, and links each of their values shared with the import again. */
	private void reconcile(Plan plan, List<Change> changes) {
		Networks networks = plan.networks();
		List<UUID> reports = new ArrayList<>();
		for (Change change : changes) {
			if (change.report() != null) {
				reports.add(change.report());
			}
			Integer survivor = change.survivor() == null ? null : networks.known(change.survivor());
			for (UUID absorbed : change.merged()) {
				Integer node = networks.known(absorbed);
				if (node == null) {
					continue;
				}
				if (survivor == null) {
					survivor = networks.index(change.survivor(), jdbc.queryForObject(
							"SELECT created_at FROM signals_network WHERE id = ?", OffsetDateTime.class,
							change.survivor()).toInstant());
				}
				networks.union(node, survivor);
			}
		}
		if (reports.isEmpty()) {
			return;
		}
		plan.relinking = true;
		holders(plan, """
				SELECT i.type, i.canonical, r.id, r.network_id, r.observed_at, n.created_at
				FROM signals_indicator i
				JOIN signals_report r ON r.id = i.report_id
				JOIN signals_network n ON n.id = r.network_id
				WHERE i.valid AND NOT (i.type = ANY(?))
				  AND r.retracted_at IS NULL AND (r.expires_at IS NULL OR r.expires_at > ?)
				  AND (i.type, i.canonical) IN (
				    SELECT c.type, c.canonical FROM signals_indicator c WHERE c.report_id = ANY(?) AND c.valid)
				  AND EXISTS (SELECT 1 FROM signals_indicator v JOIN signals_report nr ON nr.id = v.report_id
				    WHERE nr.import_id = ? AND v.type = i.type AND v.canonical = i.canonical AND v.valid)
				ORDER BY i.type, i.canonical, r.observed_at, r.id""", weakTypes(), ReportStore.utc(plan.now()),
				reports.toArray(UUID[]::new), plan.importId());
	}

	/** Streams holders sorted by value and links each value's group. */
	private void holders(Plan plan, String sql, Object... args) {
		List<Holder> group = new ArrayList<>();
		ValueKey[] current = new ValueKey[1];
		jdbc.query(sql, (ResultSet rs) -> {
			ValueKey key = new ValueKey(IndicatorType.fromWire(rs.getString(1)).orElseThrow(), rs.getString(2));
			if (current[0] != null && !current[0].equals(key)) {
				link(current[0], group, plan);
				group.clear();
			}
			current[0] = key;
			group.add(holder(rs, plan.networks()));
		}, args);
		if (current[0] != null) {
			link(current[0], group, plan);
		}
	}

	private void link(ValueKey value, List<Holder> holders, Plan plan) {
		Networks networks = plan.networks();
		Set<Cuts.CutKey> cuts = plan.cuts();
		if (holders.size() < 2 || !rules.linkable(value)) {
			return;
		}
		Set<Integer> distinct = new HashSet<>();
		holders.forEach(h -> distinct.add(h.network()));
		if (distinct.size() < 2) {
			return;
		}
		if (rules.overCap(holders.size())) {
			if (plan.relinking) {
				// a single filing took the value past the cap since the plan, which may have linked through it:
				// decide it again on the whole picture
				plan.stale = true;
				return;
			}
			plan.overCap().add(new Holding(value, holders.size(), List.copyOf(distinct)));
			return;
		}
		boolean ages = LinkRules.agesOut(value);
		boolean anyCut = cuts.stream().anyMatch(c -> c.type().equals(value.type().wire())
				&& c.canonical().equals(value.canonical()));
		if (anyCut) {
			for (int i = 0; i < holders.size(); i++) {
				for (int j = i + 1; j < holders.size(); j++) {
					Holder a = holders.get(i);
					Holder b = holders.get(j);
					if (!cuts.contains(new Cuts.CutKey(value.type().wire(), value.canonical(), Cuts.Pair.of(a.report(),
							b.report()))) && (!ages || within(a, b))) {
						networks.union(a.network(), b.network());
					}
				}
			}
			return;
		}
		// Holders come sorted by observation time: when sightings must be close, chaining neighbours within the
		// age-out connects exactly what linking every close pair would.
		for (int i = 1; i < holders.size(); i++) {
			Holder previous = holders.get(ages ? i - 1 : 0);
			if (!ages || within(previous, holders.get(i))) {
				networks.union(previous.network(), holders.get(i).network());
			}
		}
	}

	private static String[] weakTypes() {
		return java.util.Arrays.stream(IndicatorType.values()).filter(IndicatorType::weak).map(IndicatorType::wire)
				.toArray(String[]::new);
	}

	private boolean within(Holder a, Holder b) {
		return rules.withinAgeOut(a.observedAt(), b.observedAt());
	}

	private Set<Cuts.CutKey> cuts(UUID importId) {
		return new HashSet<>(jdbc.query("""
				SELECT c.type, c.canonical, c.report_a, c.report_b FROM signals_cut c
				WHERE (c.type, c.canonical) IN (SELECT v.type, v.canonical FROM signals_indicator v
				  JOIN signals_report nr ON nr.id = v.report_id AND nr.import_id = ?)""",
				(rs, n) -> new Cuts.CutKey(rs.getString(1), rs.getString(2),
						new Cuts.Pair(rs.getObject(3, UUID.class), rs.getObject(4, UUID.class))),
				importId));
	}

	private static Holder holder(ResultSet rs, Networks networks) throws SQLException {
		UUID network = rs.getObject(4, UUID.class);
		Instant created = rs.getObject(6, OffsetDateTime.class).toInstant();
		return new Holder(rs.getObject(3, UUID.class), networks.index(network, created),
				rs.getObject(5, OffsetDateTime.class).toInstant());
	}

	private record Holder(UUID report, int network, Instant observedAt) {
	}

	private record Holding(ValueKey value, int reports, List<Integer> networks) {
	}

	/** A change journalled by a single filing or by curation since the plan was made. */
	private record Change(UUID report, UUID[] merged, UUID survivor, boolean split) {
	}

	/**
	 * An import's holders, gathered as its batches are written: each holding (value, report) as a pair of indexes on
	 * primitive arrays, and for each value new to the import its committed holders, read just before the import's
	 * first row of it is written (so that query never meets the import's own rows). Single filings committed after
	 * {@link #since} are in the journal and reconciled by {@link #apply}; one seen here as well is linked twice, to
	 * the same result.
	 */
	final class Tracking {

		private final UUID importId;

		private final long since;

		/** Value → index in {@link #keys}. */
		private final Object2IntOpenHashMap<ValueKey> values = new Object2IntOpenHashMap<>();

		private final List<ValueKey> keys = new ArrayList<>();

		/** Every report holding a tracked value: the import's own and the committed ones. */
		private final List<Held> reports = new ArrayList<>();

		private final Object2IntOpenHashMap<UUID> committed = new Object2IntOpenHashMap<>();

		/** Holding i: value {@code holderValue[i]} held by report {@code holderReport[i]}, one per indicator row. */
		private final IntArrayList holderValue = new IntArrayList();

		private final IntArrayList holderReport = new IntArrayList();

		/** Per value (weak ones too): the import's first and last sighting, for {@code signals_value}. */
		private final List<Instant> firstSeen = new ArrayList<>();

		private final List<Instant> lastSeen = new ArrayList<>();

		private Tracking(UUID importId, long since) {
			this.importId = importId;
			this.since = since;
			values.defaultReturnValue(-1);
			committed.defaultReturnValue(-1);
		}

		/**
		 * Takes one batch of the import's reports before it is written: reads the committed holders of the values
		 * the import has not carried before, then keeps the batch's own holdings.
		 */
		void beforeWriting(List<StoredReport> batch, List<StoredIndicator> indicators) {
			Set<String> weak = Set.of(weakTypes());
			List<String> newTypes = new ArrayList<>();
			List<String> newValues = new ArrayList<>();
			Object2IntOpenHashMap<UUID> own = new Object2IntOpenHashMap<>(batch.size());
			for (StoredReport r : batch) {
				own.put(r.id(), reports.size());
				reports.add(new Held(r.id(), r.networkId(), r.createdAt(), r.observedAt(), null));
			}
			for (StoredIndicator i : indicators) {
				if (!i.valid()) {
					continue;
				}
				ValueKey key = i.key();
				int value = values.getInt(key);
				int holder = own.getInt(i.reportId());
				Instant seen = reports.get(holder).observedAt();
				boolean links = !weak.contains(i.type().wire());
				if (value < 0) {
					value = keys.size();
					values.put(key, value);
					keys.add(key);
					firstSeen.add(seen);
					lastSeen.add(seen);
					if (links) {
						newTypes.add(key.type().wire());
						newValues.add(key.canonical());
					}
				}
				else {
					firstSeen.set(value, min(firstSeen.get(value), seen));
					lastSeen.set(value, max(lastSeen.get(value), seen));
				}
				if (links) {
					holderValue.add(value);
					holderReport.add(holder);
				}
			}
			if (newTypes.isEmpty()) {
				return;
			}
			jdbc.query("""
					SELECT i.type, i.canonical, r.id, r.network_id, r.observed_at, n.created_at, r.expires_at
					FROM unnest(?::text[], ?::text[]) AS v(type, canonical)
					JOIN signals_indicator i ON i.type = v.type AND i.canonical = v.canonical
					JOIN signals_report r ON r.id = i.report_id
					JOIN signals_network n ON n.id = r.network_id
					WHERE i.valid AND r.retracted_at IS NULL""", (ResultSet rs) -> {
				ValueKey key = new ValueKey(IndicatorType.fromWire(rs.getString(1)).orElseThrow(), rs.getString(2));
				UUID report = rs.getObject(3, UUID.class);
				int index = committed.getInt(report);
				if (index < 0) {
					OffsetDateTime expires = rs.getObject(7, OffsetDateTime.class);
					index = reports.size();
					committed.put(report, index);
					reports.add(new Held(report, rs.getObject(4, UUID.class),
							rs.getObject(6, OffsetDateTime.class).toInstant(),
							rs.getObject(5, OffsetDateTime.class).toInstant(),
							expires == null ? null : expires.toInstant()));
				}
				holderValue.add(values.getInt(key));
				holderReport.add(index);
			}, newTypes.toArray(String[]::new), newValues.toArray(String[]::new));
		}

		/** Each valid value the import carries, with its first and last sighting in the import. */
		List<BulkRows.Sighting> sightings() {
			List<BulkRows.Sighting> sightings = new ArrayList<>(keys.size());
			for (int i = 0; i < keys.size(); i++) {
				sightings.add(new BulkRows.Sighting(keys.get(i), firstSeen.get(i), lastSeen.get(i)));
			}
			return sightings;
		}

		/** The cuts on the import's values; created after {@link #since}, a cut is a split and plans again. */
		private Set<Cuts.CutKey> cuts() {
			Set<Cuts.CutKey> cuts = new HashSet<>();
			jdbc.query("SELECT c.type, c.canonical, c.report_a, c.report_b FROM signals_cut c", (ResultSet rs) -> {
				Cuts.CutKey cut = new Cuts.CutKey(rs.getString(1), rs.getString(2),
						new Cuts.Pair(rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)));
				IndicatorType.fromWire(cut.type()).filter(t -> values.containsKey(new ValueKey(t, cut.canonical())))
						.ifPresent(t -> cuts.add(cut));
			});
			return cuts;
		}

		/** Links each value's holders, sorted by value and observation time, with {@link #link}. */
		private void link(Plan plan, Instant now) {
			int[] order = new int[holderValue.size()];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			int[] value = holderValue.elements();
			int[] report = holderReport.elements();
			IntArrays.quickSort(order, (a, b) -> {
				int byValue = Integer.compare(value[a], value[b]);
				return byValue != 0 ? byValue : reports.get(report[a]).observedAt().compareTo(
						reports.get(report[b]).observedAt());
			});
			List<Holder> group = new ArrayList<>();
			for (int from = 0; from < order.length;) {
				int to = from;
				while (to < order.length && value[order[to]] == value[order[from]]) {
					to++;
				}
				group.clear();
				for (int k = from; k < to; k++) {
					Held held = reports.get(report[order[k]]);
					if (held.expiresAt() == null || held.expiresAt().isAfter(now)) {
						group.add(new Holder(held.report(), plan.networks().index(held.network(),
								held.networkCreated()), held.observedAt()));
					}
				}
				BulkCorrelation.this.link(keys.get(value[order[from]]), group, plan);
				from = to;
			}
		}
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** A report holding a tracked value, with its network as read (the import's own: its network of its own). */
	private record Held(UUID report, UUID network, Instant networkCreated, Instant observedAt, Instant expiresAt) {
	}

	/** How an import links, as worked out at one moment: the journal position then, and the union-find. */
	static final class Plan {

		private final UUID importId;

		private final long since;

		private final Instant now;

		private final Networks networks;

		private final List<Holding> overCap;

		private final Set<Cuts.CutKey> cuts;

		private boolean relinking;

		private boolean stale;

		private Plan(UUID importId, long since, Instant now, Networks networks, List<Holding> overCap,
				Set<Cuts.CutKey> cuts) {
			this.importId = importId;
			this.since = since;
			this.now = now;
			this.networks = networks;
			this.overCap = overCap;
			this.cuts = cuts;
		}

		UUID importId() {
			return importId;
		}

		long since() {
			return since;
		}

		Instant now() {
			return now;
		}

		Networks networks() {
			return networks;
		}

		List<Holding> overCap() {
			return overCap;
		}

		Set<Cuts.CutKey> cuts() {
			return cuts;
		}
	}

	/** Union-find over the networks seen, by index; the root of a set is its oldest network. */
	private static final class Networks {

		private final Map<UUID, Integer> indexes = new HashMap<>();

		private final List<UUID> ids = new ArrayList<>();

		private final List<Instant> created = new ArrayList<>();

		private int[] parent = new int[1024];

		/** The index of a network already seen, or null. */
		Integer known(UUID network) {
			return indexes.get(network);
		}

		int index(UUID network, Instant createdAt) {
			return indexes.computeIfAbsent(network, id -> {
				int index = ids.size();
				ids.add(id);
				created.add(createdAt);
				if (index == parent.length) {
					parent = java.util.Arrays.copyOf(parent, parent.length * 2);
				}
				parent[index] = index;
				return index;
			});
		}

		int find(int node) {
			int root = node;
			while (parent[root] != root) {
				root = parent[root];
			}
			while (parent[node] != root) {
				int next = parent[node];
				parent[node] = root;
				node = next;
			}
			return root;
		}

		void union(int a, int b) {
			int rootA = find(a);
			int rootB = find(b);
			if (rootA == rootB) {
				return;
			}
			if (older(rootA, rootB)) {
				parent[rootB] = rootA;
			}
			else {
				parent[rootA] = rootB;
			}
		}

		private boolean older(int a, int b) {
			int byTime = created.get(a).compareTo(created.get(b));
			return byTime != 0 ? byTime < 0 : ids.get(a).toString().compareTo(ids.get(b).toString()) < 0;
		}

		/** Moves the reports of every absorbed network into its survivor, in one statement. */
		Map<UUID, Set<UUID>> merge(JdbcTemplate jdbc) {
			Map<UUID, Set<UUID>> absorbed = new HashMap<>();
			List<UUID> from = new ArrayList<>();
			List<UUID> into = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				int root = find(i);
				if (root != i) {
					from.add(ids.get(i));
					into.add(ids.get(root));
					absorbed.computeIfAbsent(ids.get(root), k -> new HashSet<>()).add(ids.get(i));
				}
			}
			if (!from.isEmpty()) {
				jdbc.update("""
						UPDATE signals_report r SET network_id = m.survivor
						FROM unnest(?::uuid[], ?::uuid[]) AS m(absorbed, survivor) WHERE r.network_id = m.absorbed""",
						from.toArray(UUID[]::new), into.toArray(UUID[]::new));
			}
			return absorbed;
		}
	}
}
