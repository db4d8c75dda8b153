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

	private final BankAccounts bankAccounts;

	Tracing(FlowStore store, AuditTrail audit, BankAccounts bankAccounts) {
		this.store = store;
		this.audit = audit;
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
		LoadedGraph loaded = LoadedGraph.load(store, organisation);
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
		Map<String, Object> answer = answer(id, loaded, trace, direction);
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

	private static Map<String, Object> answer(UUID id, LoadedGraph loaded, Trace trace, Direction direction) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", id);
		answer.put("model", trace.model());
		answer.put("direction", direction);
		answer.put("partial", trace.partial());
		answer.put("hopLimitReached", trace.hopLimitReached());
		List<Map<String, Object>> endpoints = new ArrayList<>();
		for (Trace.Endpoint endpoint : trace.endpoints()) {
			String[] node = loaded.nodes.get(endpoint.node());
			FlowStore.Tag tag = loaded.tag(endpoint.node());
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("address", node[2]);
			e.put("chain", node[0]);
			e.put("asset", node[1]);
			e.put("tag", tag == null ? null : tag.tag());
			e.put("name", tag == null ? null : tag.name());
			e.put("stop", endpoint.stop());
			e.put("amount", amount(loaded, endpoint.node(), endpoint.amount()));
			endpoints.add(e);
		}
		answer.put("endpoints", endpoints);
		List<String> reached = new ArrayList<>();
		for (int node : trace.reached()) {
			reached.add(loaded.nodes.get(node)[2]);
		}
		answer.put("reached", reached);
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

	private static String amount(LoadedGraph loaded, int node, long baseUnits) {
		return Assets.decimal(BigInteger.valueOf(baseUnits), loaded.decimals(node)).toPlainString();
	}
}
