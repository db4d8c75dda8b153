package org.tipx.cases.web;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.cases.internal.HandoverArrivals;
import org.tipx.federation.Federation;
import org.tipx.shared.Actor;
import org.tipx.shared.Allowed;

/**
 * Where packages and receipts arrive. A case worker (or an organisation's administrator) of the addressed organisation
 * imports a package with their token and a case opens (201). A peer installation pushes one without a token, naming
 * itself ({@code Authorization: TipxInstance <name>}); once its signature verifies against that trusted peer's keys it
 * waits for a case worker (202). Receipts come only from peers.
 */
@RestController
class HandoverImportController {

	private final HandoverArrivals arrivals;

	HandoverImportController(HandoverArrivals arrivals) {
		this.arrivals = arrivals;
	}

	@PostMapping("/api/v1/handovers/import")
	@Allowed.CaseWorkersOrPeers
	ResponseEntity<?> importPackage(@RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		Optional<Actor> actor = Actor.current();
		if (actor.isPresent()) {
			HandoverArrivals.Arrival arrival = arrivals.importPackage(actor.get(), body);
			return ResponseEntity.created(URI.create("/api/v1/handovers/received/" + arrival.packageId()))
					.body(arrival);
		}
		Optional<String> peer = peer(authorization);
		if (peer.isEmpty()) {
			return unauthorized();
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(arrivals.acceptPush(peer.get(), body));
	}

	@PostMapping("/api/v1/handovers/receipts")
	@Allowed.Peers
	ResponseEntity<?> receipt(@RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		Optional<String> peer = peer(authorization);
		if (peer.isEmpty()) {
			return unauthorized();
		}
		return ResponseEntity.ok(Map.of("state", arrivals.receipt(peer.get(), body)));
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
				"Sign in as a case worker of the addressed organisation (Authorization: Bearer <token>), or push as a "
						+ "peer installation (Authorization: TipxInstance <name>)");
		problem.setTitle("Unauthorized");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
	}
}
