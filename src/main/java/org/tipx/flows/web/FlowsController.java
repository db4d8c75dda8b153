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
import org.tipx.flows.Direction;
import org.tipx.flows.TaintModel;
import org.tipx.flows.Transfer;
import org.tipx.flows.internal.FlowStore;
import org.tipx.flows.internal.TransferRows;
import org.tipx.flows.internal.Tracing;
import org.tipx.flows.internal.TransferImport;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ForbiddenException;
import org.tipx.shared.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/flows}: import transfers and trace (tags: {@link TagsController}; freeze-request candidates:
 * {@link FreezeCandidatesController}). Data belongs to the caller's organisation; an analyst
 * may trace only in a financial intelligence unit.
 */
@RestController
@RequestMapping("/api/v1/flows")
@Tag(name = "flows")
@Allowed.FlowTracers
class FlowsController {

	static final Set<String> TAGS = Set.copyOf(org.tipx.flows.internal.AddressTags.KINDS);

	private final FlowStore store;

	private final Tracing tracing;

	private final Directory directory;

	private final TransferImport transferImport;

	FlowsController(FlowStore store, Tracing tracing, Directory directory, TransferImport transferImport) {
		this.store = store;
		this.tracing = tracing;
		this.directory = directory;
		this.transferImport = transferImport;
	}

	@PostMapping(path = "/transfers", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import transfers (JSON array); all or none, idempotent")
	Map<String, Object> importJson(@RequestBody List<Map<String, Object>> rows) {
		return imported(TransferRows.check(rows));
	}

	private Map<String, Object> imported(List<Transfer> transfers) {
		// CSV uploads (tipx's own, explorer exports, bank statements) are read by FlowsIngestController (ADR 0027)
		return transferImport.store(caller(), transfers);
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
