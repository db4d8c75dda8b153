package org.tipx.flows.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;

import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;

/**
 * Freeze-request candidates from a forward trace of the caller's seeds: per exchange (and OTC desk), the deposit
 * addresses the money reached and the hot wallets it reached directly, with the tainted amount under each of the four
 * models, the transfers into each address (transaction, time, sender, amount) and, for a deposit address the heuristic
 * found, the sweeps that show it. Each model's trace is audited as a trace; the export itself is audited too.
 */
@Service
public class FreezeCandidates {

	/** Tags at which a freeze can be asked for. */
	static final Set<String> FREEZABLE = Set.of("exchange", "exchange_deposit", "otc");

	private final Tracing tracing;

	private final AuditTrail audit;

	private final Clock clock;

	FreezeCandidates(Tracing tracing, AuditTrail audit, Clock clock) {
		this.tracing = tracing;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a request to one exchange lists, per address. */
	public record Candidate(String exchange, String kind, String chain, String asset, String address, String source,
			Map<TaintModel, String> amounts, List<Evidence> transfers, List<Evidence> sweeps) {

		public Candidate {
			amounts = Map.copyOf(amounts);
			transfers = List.copyOf(transfers);
			sweeps = List.copyOf(sweeps);
		}
	}

	/** One transfer: its transaction, time, the other address, and the amount (tainted, for transfers in). */
	public record Evidence(String tx, String time, String counterpart, String amount) {
	}

	/** The whole answer: when, from which seeds, and the candidates ordered by exchange then address. */
	public record Report(UUID id, Instant generatedAt, List<String> seeds, int maxHops, boolean partial,
			boolean hopLimitReached, List<Candidate> candidates) {

		public Report {
			seeds = List.copyOf(seeds);
			candidates = List.copyOf(candidates);
		}
	}

	public Report candidates(UUID organisation, List<Tracing.SeedRequest> seeds, int maxHops, String format) {
		Map<String, Candidate> byAddress = new TreeMap<>();
		Map<String, Map<TaintModel, String>> amounts = new LinkedHashMap<>();
		boolean partial = false;
		boolean hopLimit = false;
		for (TaintModel model : TaintModel.values()) {
			Map<String, Object> trace = tracing.trace(organisation, seeds, Direction.FORWARD, model, maxHops);
			partial |= (Boolean) trace.get("partial");
			hopLimit |= (Boolean) trace.get("hopLimitReached");
			for (Object e : (List<?>) trace.get("endpoints")) {
				Map<?, ?> endpoint = (Map<?, ?>) e;
				if (!FREEZABLE.contains(String.valueOf(endpoint.get("tag")))) {
					continue;
				}
				String address = (String) endpoint.get("address");
				String exchange = endpoint.get("name") == null ? address : (String) endpoint.get("name");
				String key = exchange + "|" + endpoint.get("chain") + "|" + endpoint.get("asset") + "|" + address;
				amounts.computeIfAbsent(key, k -> new EnumMap<>(TaintModel.class)).put(model, (String) endpoint.get("amount"));
				if (model == TaintModel.POISON || !byAddress.containsKey(key)) {
					// poison follows every transfer taint touched: its paths are the widest evidence
					byAddress.put(key, new Candidate(exchange, kind(String.valueOf(endpoint.get("tag"))),
							(String) endpoint.get("chain"), (String) endpoint.get("asset"), address,
							(String) endpoint.get("source"), Map.of(), transfersInto(trace, address),
							sweeps(endpoint.get("evidence"))));
				}
			}
		}
		List<Candidate> candidates = new ArrayList<>();
		byAddress.forEach((key, c) -> {
			Map<TaintModel, String> all = new EnumMap<>(TaintModel.class);
			for (TaintModel model : TaintModel.values()) {
				all.put(model, amounts.get(key).getOrDefault(model, "0"));
			}
			candidates.add(new Candidate(c.exchange(), c.kind(), c.chain(), c.asset(), c.address(), c.source(), all,
					c.transfers(), c.sweeps()));
		});
		UUID id = UUID.randomUUID();
		audit.record(AuditRecord.success("flows.freeze_candidates", "flow_trace", id)
				.withDetail(format + ", " + seeds.size() + " seeds, " + candidates.size() + " addresses"));
		return new Report(id, clock.instant(), seeds.stream().map(Tracing.SeedRequest::tx).toList(), maxHops, partial,
				hopLimit, candidates);
	}

	static String kind(String tag) {
		return switch (tag) {
			case "exchange_deposit" -> "deposit address";
			case "exchange" -> "hot wallet";
			default -> "OTC desk";
		};
	}

	private static List<Evidence> transfersInto(Map<String, Object> trace, String address) {
		List<Evidence> evidence = new ArrayList<>();
		for (Object p : (List<?>) trace.get("paths")) {
			Map<?, ?> path = (Map<?, ?>) p;
			if (address.equals(path.get("to"))) {
				evidence.add(new Evidence((String) path.get("tx"), (String) path.get("time"), (String) path.get("from"),
						(String) path.get("amount")));
			}
		}
		return evidence;
	}

	private static List<Evidence> sweeps(Object sweeps) {
		List<Evidence> evidence = new ArrayList<>();
		if (sweeps instanceof List<?> list) {
			for (Object s : list) {
				Map<?, ?> sweep = (Map<?, ?>) s;
				evidence.add(new Evidence((String) sweep.get("tx"), (String) sweep.get("time"), (String) sweep.get("to"),
						(String) sweep.get("amount")));
			}
		}
		return evidence;
	}
}
