package org.tipx.flows.web;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.tipx.flows.internal.FreezeCandidateCsv;
import org.tipx.flows.internal.FreezeCandidatePdf;
import org.tipx.flows.internal.FreezeCandidates;
import org.tipx.flows.internal.Tracing;
import org.tipx.shared.Allowed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/v1/flows/freeze-candidates}: from a forward trace of the seeds, per exchange the deposit addresses
 * and hot wallets reached, the amount under each model, the transfers and times; as CSV ({@code Accept: text/csv}, also
 * the default) or PDF ({@code Accept: application/pdf}).
 */
@RestController
@RequestMapping("/api/v1/flows")
@Tag(name = "flows")
@Allowed.FlowTracers
class FreezeCandidatesController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private final FreezeCandidates candidates;

	private final FlowCallers callers;

	FreezeCandidatesController(FreezeCandidates candidates, FlowCallers callers) {
		this.candidates = candidates;
		this.callers = callers;
	}

	record FreezeRequest(List<Tracing.SeedRequest> seeds, Integer maxHops) {
	}

	@PostMapping(path = "/freeze-candidates", produces = { "text/csv", "application/pdf" })
	@Operation(summary = "Freeze-request candidates per exchange (CSV or PDF by the Accept header)")
	ResponseEntity<byte[]> freezeCandidates(@RequestBody FreezeRequest request,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		boolean pdf = pdf(accept);
		FreezeCandidates.Report report = candidates.candidates(callers.organisation(), request.seeds(),
				request.maxHops() == null ? 7 : request.maxHops(), pdf ? "pdf" : "csv");
		byte[] body = pdf ? FreezeCandidatePdf.render(report)
				: FreezeCandidateCsv.render(report).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return ResponseEntity.ok()
				.contentType(pdf ? MediaType.APPLICATION_PDF : new MediaType(CSV, java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("freeze-candidates-" + report.id() + (pdf ? ".pdf" : ".csv")).build().toString())
				.body(body);
	}

	/** PDF when the client prefers it to CSV; CSV otherwise. */
	static boolean pdf(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types = MediaType.parseMediaTypes(accept);
		MimeTypeUtils.sortBySpecificity(types);
		types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.includes(MediaType.APPLICATION_PDF) && !type.includes(CSV)) {
				return true;
			}
			if (type.includes(CSV)) {
				return false;
			}
		}
		return false;
	}
}
