package org.tipx.flows.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.OrganisationType;
import org.tipx.flows.Assets;
import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;
import org.tipx.flows.Transfer;
import org.tipx.flows.internal.FlowStore;
import org.tipx.flows.internal.TransferRows;
import org.tipx.flows.internal.Tracing;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/flows}: import transfers, tag addresses, trace. Data belongs to the caller's organisation; an analyst
 * may trace only in a financial intelligence unit.
 */
@RestController
@RequestMapping("/api/v1/flows")
@Tag(name = "flows")
@Allowed.FlowTracers
class FlowsController {

	static final Set<String> TAGS = Set.of("exchange", "exchange_deposit", "otc", "mixer", "bridge", "scam", "victim",
			"mule");

	private final FlowStore store;

	private final Tracing tracing;

	private final Directory directory;

	FlowsController(FlowStore store, Tracing tracing, Directory directory) {
		this.store = store;
		this.tracing = tracing;
		this.directory = directory;
	}

	@PostMapping(path = "/transfers", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import transfers (JSON array); all or none, idempotent")
	Map<String, Object> importJson(@RequestBody List<Map<String, Object>> rows) {
		return imported(TransferRows.check(rows));
	}

	@PostMapping(path = "/transfers", consumes = "text/csv")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import transfers (CSV with a header chain,tx,index,time,from,to,asset,amount)")
	Map<String, Object> importCsv(@RequestBody String csv) {
		return imported(TransferRows.check(CsvRows.read(csv)));
	}

	private Map<String, Object> imported(List<Transfer> transfers) {
		UUID organisation = caller();
		int added = store.store(organisation, transfers);
		return Map.of("received", transfers.size(), "imported", added, "alreadyPresent", transfers.size() - added);
	}

	record TagRequest(String chain, String address, String tag, String name, String source, String tlp) {
	}

	@PostMapping("/tags")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Tag an address (exchange, exchange_deposit, otc, mixer, bridge, scam, victim, mule)")
	Map<String, Object> tag(@RequestBody TagRequest request) {
		UUID organisation = caller();
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String chain = request.chain() == null ? "" : request.chain().toLowerCase(Locale.ROOT);
		if (!Assets.knownChain(chain)) {
			errors.add(new InvalidInputException.FieldError("chain", "unknown chain; tipx traces " + Assets.chains()));
		}
		String tag = request.tag() == null ? "" : request.tag().toLowerCase(Locale.ROOT);
		if (!TAGS.contains(tag)) {
			errors.add(new InvalidInputException.FieldError("tag", "one of " + String.join(", ", TAGS.stream().sorted().toList())));
		}
		if (request.source() == null || request.source().isBlank()) {
			errors.add(new InvalidInputException.FieldError("source", "required: where the tag comes from"));
		}
		String tlp = request.tlp() == null ? "AMBER" : request.tlp().toUpperCase(Locale.ROOT);
		if (!Set.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED").contains(tlp)) {
			errors.add(new InvalidInputException.FieldError("tlp", "CLEAR, GREEN, AMBER, AMBER+STRICT or RED"));
		}
		String address = Assets.knownChain(chain) ? Addresses.canonical(chain, request.address(), errors) : null;
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		boolean added = store.tag(organisation, chain, address, tag, request.name(), request.source().trim(), tlp);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("chain", chain);
		answer.put("address", address);
		answer.put("tag", tag);
		answer.put("tlp", tlp);
		answer.put("added", added);
		return answer;
	}

	record TraceRequest(List<Tracing.SeedRequest> seeds, String direction, String model, Integer maxHops) {
	}

	@PostMapping("/traces")
	@Operation(summary = "Trace seeds forward or backward under one taint model")
	Map<String, Object> trace(@RequestBody TraceRequest request) {
		UUID organisation = caller();
		return tracing.trace(organisation, request.seeds(), direction(request.direction()), model(request.model()),
				request.maxHops() == null ? 7 : request.maxHops());
	}

	@PostMapping("/traces/comparison")
	@Operation(summary = "The same seeds under every taint model, with the range per endpoint")
	Map<String, Object> comparison(@RequestBody TraceRequest request) {
		UUID organisation = caller();
		Map<String, Object> byModel = new LinkedHashMap<>();
		Map<String, BigDecimal[]> range = new LinkedHashMap<>();
		for (TaintModel model : TaintModel.values()) {
			Map<String, Object> trace = tracing.trace(organisation, request.seeds(), direction(request.direction()), model,
					request.maxHops() == null ? 7 : request.maxHops());
			byModel.put(model.name(), trace);
			for (Object e : (List<?>) trace.get("endpoints")) {
				Map<?, ?> endpoint = (Map<?, ?>) e;
				BigDecimal amount = new BigDecimal((String) endpoint.get("amount"));
				range.merge((String) endpoint.get("address"), new BigDecimal[] { amount, amount },
						(a, b) -> new BigDecimal[] { a[0].min(b[0]), a[1].max(b[1]) });
			}
		}
		List<Map<String, Object>> endpoints = new ArrayList<>();
		range.forEach((address, r) -> endpoints.add(Map.of("address", address, "min", r[0].toPlainString(), "max",
				r[1].toPlainString())));
		return Map.of("models", byModel, "endpoints", endpoints);
	}

	@PostMapping(path = "/freeze-candidates", produces = "text/csv")
	@Operation(summary = "Per exchange: the service addresses reached, the amount under each model, the transfers and times (CSV)")
	String freezeCandidates(@RequestBody TraceRequest request) {
		UUID organisation = caller();
		Map<String, Map<String, Object>> rows = new java.util.TreeMap<>();
		for (TaintModel model : TaintModel.values()) {
			Map<String, Object> trace = tracing.trace(organisation, request.seeds(), Direction.FORWARD, model,
					request.maxHops() == null ? 7 : request.maxHops());
			for (Object e : (List<?>) trace.get("endpoints")) {
				Map<?, ?> endpoint = (Map<?, ?>) e;
				if (!"SERVICE".equals(String.valueOf(endpoint.get("stop")))) {
					continue;
				}
				String address = (String) endpoint.get("address");
				Map<String, Object> row = rows.computeIfAbsent(endpoint.get("name") + "|" + address, k -> {
					Map<String, Object> r = new LinkedHashMap<>();
					r.put("exchange", endpoint.get("name") == null ? "" : endpoint.get("name"));
					r.put("address", address);
					r.put("chain", endpoint.get("chain"));
					r.put("asset", endpoint.get("asset"));
					r.put("tag", endpoint.get("tag"));
					return r;
				});
				row.put(model.name(), endpoint.get("amount"));
				if (model == TaintModel.POISON) {
					List<String> evidence = new ArrayList<>();
					for (Object p : (List<?>) trace.get("paths")) {
						Map<?, ?> path = (Map<?, ?>) p;
						if (address.equals(path.get("to"))) {
							evidence.add(path.get("tx") + "@" + path.get("time") + " " + path.get("amount"));
						}
					}
					row.put("transfers", String.join("; ", evidence));
				}
			}
		}
		StringBuilder csv = new StringBuilder("exchange,address,chain,asset,tag,poison,haircut,fifo,lifo,transfers\n");
		for (Map<String, Object> row : rows.values()) {
			csv.append(String.join(",", List.of(cell(row.get("exchange")), cell(row.get("address")), cell(row.get("chain")),
					cell(row.get("asset")), cell(row.get("tag")), cell(row.getOrDefault("POISON", "0")),
					cell(row.getOrDefault("HAIRCUT", "0")), cell(row.getOrDefault("FIFO", "0")),
					cell(row.getOrDefault("LIFO", "0")), cell(row.get("transfers"))))).append('\n');
		}
		return csv.toString();
	}

	/** Quoted, and a leading formula character neutralised, as spreadsheets would run it. */
	private static String cell(Object value) {
		String text = value == null ? "" : value.toString();
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private static Direction direction(String text) {
		try {
			return text == null ? Direction.FORWARD : Direction.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("direction", "FORWARD or BACKWARD");
		}
	}

	private static TaintModel model(String text) {
		try {
			return text == null ? TaintModel.HAIRCUT : TaintModel.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("model", "POISON, HAIRCUT, FIFO or LIFO");
		}
	}

	/** The caller's organisation; an analyst only of a financial intelligence unit. */
	UUID caller() {
		Actor actor = Actor.current().orElseThrow(() -> new ForbiddenException("sign in"));
		boolean investigator = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
				.anyMatch(a -> a.getAuthority().equals("ROLE_INVESTIGATOR"));
		if (!investigator) {
			OrganisationType type = directory.organisation(new OrganisationId(actor.organisationId()))
					.map(o -> o.type()).orElse(null);
			if (type != OrganisationType.FINANCIAL_INTELLIGENCE_UNIT) {
				throw new ForbiddenException("flow tracing is for investigators and financial intelligence units' analysts");
			}
		}
		return actor.organisationId();
	}
}
