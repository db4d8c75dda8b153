package org.tipx.signals.correlation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.signals.internal.ReportStore;
import org.tipx.signals.internal.SignalsSettings;
import org.tipx.signals.internal.StoredIndicator;
import org.tipx.signals.internal.StoredReport;
import org.tipx.signals.internal.ValueKey;

/**
 * Keeps networks equal to the connected groups of linked reports. A new report joins (and merges) the networks it
 * links to, the oldest network id surviving; a cut, retraction or expiry recomputes the network, and the part holding
 * the oldest report keeps its id. Changes are serialised by one transaction-scoped PostgreSQL advisory lock.
 */
@Component
public class Correlation {

	private static final long LOCK = 0x7469_7078_7369_676EL;

	private final ReportStore store;

	private final Cuts cuts;

	private final LinkRules rules;

	private final SignalsSettings settings;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	Correlation(ReportStore store, Cuts cuts, LinkRules rules, SignalsSettings settings, AuditTrail audit,
			JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.cuts = cuts;
		this.rules = rules;
		this.settings = settings;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Must be called in the transaction that changes reports, before reading what it will change. */
	public void lock() {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
	}

	/** Links a freshly stored report (alone in its own new network) to the networks it shares values with. */
	public Joined join(StoredReport report, List<StoredIndicator> indicators) {
		Set<UUID> networks = new LinkedHashSet<>();
		networks.add(report.networkId());
		Set<ValueKey> values = indicators.stream().filter(StoredIndicator::valid).map(StoredIndicator::key)
				.filter(rules::linkable).collect(Collectors.toCollection(LinkedHashSet::new));
		Instant now = clock.instant();
		for (ValueKey value : values) {
			List<StoredReport> holders = store.holding(value).stream()
					.filter(h -> !h.id().equals(report.id()) && h.activeAt(now))
					.filter(h -> !LinkRules.agesOut(value) || rules.withinAgeOut(h.observedAt(), report.observedAt()))
					.toList();
			if (rules.overCap(holders.size() + 1) && bridgesUnconnectedNetworks(value, holders)) {
				continue;
			}
			holders.forEach(h -> networks.add(h.networkId()));
		}
		if (networks.size() == 1) {
			journal(report.id(), Set.of(), report.networkId());
			return new Joined(report.networkId(), Set.of());
		}
		Map<UUID, Instant> created = networks.stream()
				.collect(Collectors.toMap(Function.identity(), store::networkCreatedAt));
		UUID survivor = networks.stream()
				.min(Comparator.comparing(created::get).thenComparing(id -> id.toString())).orElseThrow();
		Set<UUID> merged = new LinkedHashSet<>(networks);
		merged.remove(survivor);
		store.mergeNetworks(merged, survivor);
		journal(report.id(), merged, survivor);
		merged.remove(report.networkId());
		return new Joined(survivor, merged);
	}

	/**
	 * Notes, in the caller's transaction, that a report was filed one by one and which networks its filing merged into
	 * which: a bulk import that linked its reports before taking the lock reconciles exactly these (ADR 0021).
	 */
	private void journal(UUID report, Set<UUID> merged, UUID survivor) {
		jdbc.sql("INSERT INTO signals_link_change (report_id, merged, survivor) VALUES (?, ?, ?)")
				.params(report, merged.toArray(UUID[]::new), survivor).update();
	}

	/**
	 * Notes, in the caller's transaction, a change that may split networks or change what links (a recomputation, a
	 * cut, a warning-list entry): a bulk import that linked before taking the lock links again under it.
	 */
	void changedLinks() {
		jdbc.sql("INSERT INTO signals_link_change (split) VALUES (TRUE)").update();
	}

	/**
	 * Recomputes a network after links were taken away. Returns the networks its reports are in afterwards.
	 */
	List<UUID> recompute(UUID networkId) {
		changedLinks();
		Instant now = clock.instant();
		List<StoredReport> members = store.inNetwork(networkId);
		List<StoredReport> active = members.stream().filter(r -> r.activeAt(now)).toList();
		List<UUID> result = new ArrayList<>();
		for (StoredReport inactive : members) {
			if (!inactive.activeAt(now) && members.size() > 1) {
				UUID own = store.newNetwork(now);
				store.moveToNetwork(List.of(inactive.id()), own);
			}
		}
		if (active.isEmpty()) {
			return List.of(networkId);
		}
		LinkGraph graph = graph(active);
		List<List<UUID>> components = graph.components();
		UUID oldest = active.stream().min(Comparator.comparing(StoredReport::createdAt)
				.thenComparing(r -> r.id().toString())).orElseThrow().id();
		for (List<UUID> component : components) {
			if (component.contains(oldest)) {
				result.add(0, networkId);
			}
			else {
				UUID split = store.newNetwork(now);
				store.moveToNetwork(component, split);
				result.add(split);
			}
		}
		return result;
	}

	public LinkGraph graph(List<StoredReport> reports) {
		Map<UUID, StoredReport> byId = new LinkedHashMap<>();
		reports.forEach(r -> byId.put(r.id(), r));
		return new LinkGraph(byId, store.indicatorsOf(byId.keySet()), cuts.among(byId.keySet()), rules::linkable,
				settings.ageOut());
	}

	/**
	 * A value held by more reports than the cap stops linking if, without it, its holders fall apart into separate
	 * networks: it is then a common value (a hotline, a mass-platform page), not evidence. The networks it had joined
	 * are split again and the value is flagged for review.
	 */
	private boolean bridgesUnconnectedNetworks(ValueKey value, List<StoredReport> holders) {
		Set<UUID> holderIds = holders.stream().map(StoredReport::id).collect(Collectors.toSet());
		Instant now = clock.instant();
		int groups = 0;
		Map<UUID, List<StoredReport>> byNetwork = holders.stream()
				.collect(Collectors.groupingBy(StoredReport::networkId));
		for (UUID network : byNetwork.keySet()) {
			List<StoredReport> active = store.inNetwork(network).stream().filter(r -> r.activeAt(now)).toList();
			Map<UUID, StoredReport> byId = new LinkedHashMap<>();
			active.forEach(r -> byId.put(r.id(), r));
			LinkGraph without = new LinkGraph(byId, store.indicatorsOf(byId.keySet()), cuts.among(byId.keySet()),
					key -> !key.equals(value) && rules.linkable(key), settings.ageOut());
			Set<Set<UUID>> holderGroups = new HashSet<>();
			for (UUID holder : byNetwork.get(network).stream().map(StoredReport::id).toList()) {
				holderGroups.add(without.componentOf(holder));
			}
			groups += holderGroups.size();
		}
		if (groups <= 1) {
			return false;
		}
		String reason = "held by " + (holderIds.size() + 1) + " reports in " + groups
				+ " otherwise unconnected groups (cap " + settings.linkCap() + ")";
		rules.flagged(value, now, reason);
		audit.recordFor("system", AuditRecord.success("signals.value.flag", value.type().wire(), value.canonical())
				.withDetail(reason));
		byNetwork.keySet().forEach(this::recompute);
		return true;
	}

	/** Where a new report ended up, and which older networks it merged into that one. */
	public record Joined(UUID networkId, Set<UUID> merged) {
	}
}
