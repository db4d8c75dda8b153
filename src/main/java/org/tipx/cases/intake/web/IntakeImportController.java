package org.tipx.cases.intake.web;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.intake.IntakeArrivals;
import org.tipx.federation.Federation;
import org.tipx.shared.Allowed;

/**
 * Where a peer installation pushes a public report filed there for this installation's country (202), and posts back
 * the acknowledgement of one this installation forwarded. No token: the peer names itself
 * ({@code Authorization: TipxInstance <name>}) and {@link IntakeArrivals} checks its signature against that trusted
 * peer's keys before anything is stored.
 */
@RestController
class IntakeImportController {

	private final IntakeArrivals arrivals;

	IntakeImportController(IntakeArrivals arrivals) {
		this.arrivals = arrivals;
	}

	@PostMapping("/api/v1/intakes/import")
	@Allowed.Peers
	ResponseEntity<?> importIntake(@RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		Optional<String> peer = peer(authorization);
		if (peer.isEmpty()) {
			return unauthorized();
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(arrivals.accept(peer.get(), body));
	}

	@PostMapping("/api/v1/intakes/acknowledgements")
	@Allowed.Peers
	ResponseEntity<?> acknowledgement(@RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		Optional<String> peer = peer(authorization);
		if (peer.isEmpty()) {
			return unauthorized();
		}
		return ResponseEntity.ok(Map.of("state", arrivals.acknowledgement(peer.get(), body)));
	}

	private static Optional<String> peer(String authorization) {
		if (authorization == null || !authorization.startsWith(Federation.AUTHORIZATION_SCHEME)) {
			return Optional.empty();
		}
		String name = authorization.substring(Federation.AUTHORIZATION_SCHEME.length()).strip();
		return name.isEmpty() ? Optional.empty() : Optional.of(name);
	}

	private static ResponseEntity<ProblemDetail> unauthorized() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"Only a peer installation posts here (Authorization: TipxInstance <name>), with a document it signed");
		problem.setTitle("Unauthorized");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
	}
}
