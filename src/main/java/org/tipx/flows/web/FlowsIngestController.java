package org.tipx.flows.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.tipx.directory.Directory;
import org.tipx.directory.OrganisationId;
import org.tipx.directory.OrganisationType;
import org.tipx.flows.ingest.BankStatements;
import org.tipx.flows.ingest.BitcoinTransactions;
import org.tipx.flows.ingest.CsvFormat;
import org.tipx.flows.ingest.CsvTable;
import org.tipx.flows.ingest.ExplorerExports;
import org.tipx.flows.internal.TransferImport;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;
import org.tipx.shared.ForbiddenException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/flows}: the upload formats of ADR 0027. A CSV at {@code POST /transfers} is recognised by its
 * header: tipx's own columns, an Etherscan or Tronscan token-transfer export, or a bank statement; Bitcoin
 * transactions with their inputs and outputs come as JSON at {@code POST /bitcoin-transactions}. Every upload is all
 * or none and idempotent; CSV must be UTF-8 and at most {@code tipx.flows.max-csv-size} (10 MB).
 */
@RestController
@RequestMapping("/api/v1/flows")
@Tag(name = "flows")
@Allowed.FlowTracers
class FlowsIngestController {

	private final TransferImport transferImport;

	private final Directory directory;

	private final DataSize maxCsv;

	FlowsIngestController(TransferImport transferImport, Directory directory,
			@Value("${tipx.flows.max-csv-size:10MB}") DataSize maxCsv) {
		this.transferImport = transferImport;
		this.directory = directory;
		this.maxCsv = maxCsv;
	}

	@PostMapping(path = "/transfers", consumes = "text/csv")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import a CSV: chain,tx,index,time,from,to,asset,amount; an Etherscan or Tronscan token-transfer "
			+ "export (chain=bsc|polygon for an Etherscan-layout export of those chains); or a bank statement with "
			+ "date,from account,to account,amount,currency")
	Map<String, Object> importCsv(HttpServletRequest request, @RequestParam(required = false) String chain) {
		return importCsv(body(request), chain);
	}

	/** The CSV upload of the API and of the upload page: the format recognised by the header, all or none. */
	Map<String, Object> importCsv(byte[] bytes, String chain) {
		UUID organisation = caller();
		CsvTable table = CsvTable.read(bytes);
		CsvFormat format = CsvFormat.of(table);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("format", format.name());
		if (format == CsvFormat.BANK_STATEMENT) {
			answer.putAll(transferImport.storeStatement(organisation, BankStatements.read(table)));
			answer.put("skipped", List.of());
			return answer;
		}
		ExplorerExports.Read read = ExplorerExports.read(table, format,
				chain == null || chain.isBlank() ? null : chain.trim().toLowerCase(Locale.ROOT));
		answer.putAll(transferImport.store(organisation, read.transfers()));
		answer.put("skipped", read.skipped());
		return answer;
	}

	@PostMapping(path = "/bitcoin-transactions", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import Bitcoin transactions with inputs and outputs (amount in BTC or satoshis); all or none, "
			+ "idempotent")
	Map<String, Object> importBitcoin(@RequestBody List<Map<String, Object>> transactions) {
		UUID organisation = caller();
		var transfers = BitcoinTransactions.check(transactions);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("transactions", transactions.size());
		answer.putAll(transferImport.store(organisation, transfers));
		return answer;
	}

	/** The body, refused with 413 as soon as it passes the limit, before anything is parsed. */
	private byte[] body(HttpServletRequest request) {
		long limit = maxCsv.toBytes();
		if (request.getContentLengthLong() > limit) {
			throw new TooLarge(limit);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (bytes.length > limit) {
				throw new TooLarge(limit);
			}
			return bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@ExceptionHandler(TooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(TooLarge e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"A CSV upload may be at most " + e.limit + " bytes; nothing was imported. Split the file.");
		problem.setTitle("File too large");
		problem.setProperty("limitBytes", e.limit);
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
	}

	/** An upload over the limit. */
	static final class TooLarge extends RuntimeException {

		final long limit;

		TooLarge(long limit) {
			super("upload over " + limit + " bytes");
			this.limit = limit;
		}
	}

	/** The caller's organisation; an analyst only of a financial intelligence unit (as FlowsController checks). */
	private UUID caller() {
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
