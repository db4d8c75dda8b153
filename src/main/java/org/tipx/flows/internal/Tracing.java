package org.tipx.flows.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.flows.Assets;
import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;
import org.tipx.flows.graph.Seed;
import org.tipx.flows.graph.Trace;
import org.tipx.flows.graph.Tracer;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * Runs a trace over the caller's organisation's transfers, with the tags it may see, and audits it. Seeds are
 * transactions; an amount smaller than a transaction's transfers taints that much of them, in their order.
 */
@Service
public class Tracing {

	/** Ledger entries a trace may replay before it stops with a partial result. */
	static final long BUDGET = 20_000_000;

	private final FlowStore store;

	private final AuditTrail audit;

	private final AddressTags tags;

	private final SignalWallets signals;

	private final BankAccounts bankAccounts;

	Tracing(FlowStore store, AuditTrail audit, AddressTags tags, SignalWallets signals, BankAccounts bankAccounts) {
		this.store = store;
		this.audit = audit;
		this.tags = tags;
		this.signals = signals;
		this.bankAccounts = bankAccounts;
	}

	public record SeedRequest(String tx, BigDecimal amount) {
	}

	public Map<String, Object> trace(UUID organisation, List<SeedRequest> seeds, Direction direction, TaintModel model,
			int maxHops) {
		if (seeds == null || seeds.isEmpty()) {
			throw new InvalidInputException("seeds", "at least one {tx, amount}");
		}
		if (maxHops < 1 || maxHops > 50) {
			throw new InvalidInputException("maxHops", "from 1 to 50");
		}
		org.tipx.sharing.Reader reader = tags.caller(organisation);
		LoadedGraph loaded = LoadedGraph.load(store, organisation, tags.forTracing(reader));
		List<String> unknown = seeds.stream().map(SeedRequest::tx).filter(tx -> !loaded.edgesByTx.containsKey(tx)).toList();
		if (!unknown.isEmpty()) {
			throw new NotFoundException("transactions " + String.join(", ", unknown));
		}
		List<Seed> graphSeeds = new ArrayList<>();
		for (SeedRequest seed : seeds) {
			List<Integer> edges = loaded.edgesByTx.get(seed.tx());
			BigInteger left = seed.amount() == null ? null
					: Assets.baseUnits(seed.amount(), loaded.decimals(loaded.graph.source(edges.get(0))))
							.orElseThrow(() -> new InvalidInputException("seeds.amount", "more decimal places than the asset"));
			for (int edge : edges) {
				long amount = loaded.graph.amount(edge);
				long take = left == null ? amount : left.min(BigInteger.valueOf(amount)).longValue();
				if (take > 0) {
					graphSeeds.add(new Seed(edge, take));
				}
				left = left == null ? null : left.subtract(BigInteger.valueOf(take));
			}
		}
		if (graphSeeds.isEmpty()) {
			throw new InvalidInputException("seeds", "the seed transactions move no money");
		}
		Trace trace = new Tracer(loaded.graph, loaded.services, BUDGET).trace(graphSeeds, direction, model, maxHops);
		UUID id = UUID.randomUUID();
		audit.record(AuditRecord.success("flows.trace", "flow_trace", id).withDetail(model + " " + direction + " "
				+ seeds.size() + " seeds, " + trace.endpoints().size() + " endpoints" + (trace.partial() ? ", partial" : "")));
		Map<String, Object> answer = answer(id, loaded, trace, direction, reported(reader, loaded, trace));
		// ADR 0027: the trace's bank accounts, opened for this tracer of the importing organisation, audited.
		answer.put("accounts", bankAccounts.open(organisation, bankTokens(answer), id));
		return answer;
	}

	private static java.util.Set<String> bankTokens(Map<String, Object> answer) {
		java.util.Set<String> tokens = new java.util.TreeSet<>();
		for (Object address : (List<?>) answer.get("reached")) {
			tokens.add((String) address);
		}
		for (Object p : (List<?>) answer.get("paths")) {
			tokens.add((String) ((Map<?, ?>) p).get("from"));
			tokens.add((String) ((Map<?, ?>) p).get("to"));
		}
		tokens.removeIf(t -> !t.startsWith(BankAccounts.PREFIX));
		return tokens;
	}

	/** ftag: the addresses the trace touched that a signal report the caller may see holds (not bank accounts). */
	private java.util.Set<String> reported(org.tipx.sharing.Reader reader, LoadedGraph loaded, Trace trace) {
		java.util.Set<String> addresses = new java.util.HashSet<>();
		for (int node : trace.reached()) {
			if (!loaded.nodes.get(node)[0].equals("bank")) {
				addresses.add(loaded.nodes.get(node)[2]);
			}
		}
		return signals.reported(reader, addresses);
	}

	private static Map<String, Object> answer(UUID id, LoadedGraph loaded, Trace trace, Direction direction,
			java.util.Set<String> reported) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", id);
		answer.put("model", trace.model());
		answer.put("direction", direction);
		answer.put("partial", trace.partial());
		answer.put("hopLimitReached", trace.hopLimitReached());
		List<Map<String, Object>> endpoints = new ArrayList<>();
		for (Trace.Endpoint endpoint : trace.endpoints()) {
			String[] node = loaded.nodes.get(endpoint.node());
			FlowStore.Tag tag = tag(loaded, endpoint.node(), reported);
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("address", node[2]);
			e.put("chain", node[0]);
			e.put("asset", node[1]);
			e.put("tag", tag == null ? null : tag.tag());
			e.put("name", tag == null ? null : tag.name());
			e.put("source", tag == null ? null : tag.source());
			e.put("stop", endpoint.stop());
			e.put("amount", amount(loaded, endpoint.node(), endpoint.amount()));
			DepositAddresses.Deposit deposit = loaded.deposit(endpoint.node());
			if (deposit != null) {
				e.put("evidence", sweeps(loaded, deposit));
			}
			endpoints.add(e);
		}
		answer.put("endpoints", endpoints);
		List<String> reached = new ArrayList<>();
		for (int node : trace.reached()) {
			reached.add(loaded.nodes.get(node)[2]);
		}
		answer.put("reached", reached);
		answer.put("tags", tags(loaded, trace, reported));
		List<Map<String, Object>> paths = new ArrayList<>();
		for (Trace.Step step : trace.steps()) {
			int from = loaded.graph.source(step.edge());
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("tx", loaded.transactions.get(loaded.graph.transaction(step.edge())));
			p.put("time", Instant.ofEpochSecond(loaded.graph.epochSecond(step.edge())).toString());
			p.put("from", loaded.nodes.get(from)[2]);
			p.put("to", loaded.nodes.get(loaded.graph.target(step.edge()))[2]);
			p.put("asset", loaded.nodes.get(from)[1]);
			p.put("amount", amount(loaded, from, loaded.graph.amount(step.edge())));
			p.put("tainted", amount(loaded, from, step.tainted()));
			paths.add(p);
		}
		answer.put("paths", paths);
		answer.put("clusters", loaded.clustersOf(trace.reached()));
		return answer;
	}

	/** The tag of a node: a stored or heuristic one, else "scam" when a visible signal report holds the wallet. */
	private static FlowStore.Tag tag(LoadedGraph loaded, int node, java.util.Set<String> reported) {
		FlowStore.Tag tag = loaded.tag(node);
		String[] name = loaded.nodes.get(node);
		if (tag == null && reported.contains(name[2])) {
			return new FlowStore.Tag(name[0], name[2], "scam", null, SignalWallets.SOURCE);
		}
		return tag;
	}

	/** Every tagged address the trace reached, once, with the tag's source. */
	private static List<Map<String, Object>> tags(LoadedGraph loaded, Trace trace, java.util.Set<String> reported) {
		Map<String, Map<String, Object>> tagged = new LinkedHashMap<>();
		for (int node : trace.reached()) {
			FlowStore.Tag tag = tag(loaded, node, reported);
			if (tag != null) {
				Map<String, Object> t = new LinkedHashMap<>();
				t.put("chain", tag.chain());
				t.put("address", tag.address());
				t.put("tag", tag.tag());
				t.put("name", tag.name());
				t.put("source", tag.source());
				DepositAddresses.Deposit deposit = loaded.deposit(node);
				if (deposit != null) {
					t.put("evidence", sweeps(loaded, deposit));
				}
				tagged.putIfAbsent(tag.chain() + "|" + tag.address(), t);
			}
		}
		return List.copyOf(tagged.values());
	}

	/** The sweeps that made an address a deposit address: tx, time, to, amount. */
	static List<Map<String, Object>> sweeps(LoadedGraph loaded, DepositAddresses.Deposit deposit) {
		List<Map<String, Object>> evidence = new ArrayList<>();
		for (int edge : deposit.sweeps()) {
			Map<String, Object> sweep = new LinkedHashMap<>();
			sweep.put("tx", loaded.transactions.get(loaded.graph.transaction(edge)));
			sweep.put("time", Instant.ofEpochSecond(loaded.graph.epochSecond(edge)).toString());
			sweep.put("to", loaded.nodes.get(loaded.graph.target(edge))[2]);
			sweep.put("amount", amount(loaded, loaded.graph.source(edge), loaded.graph.amount(edge)));
			evidence.add(sweep);
		}
		return evidence;
	}

	private static String amount(LoadedGraph loaded, int node, long baseUnits) {
		return Assets.decimal(BigInteger.valueOf(baseUnits), loaded.decimals(node)).toPlainString();
	}
}
