package org.tipx.signals.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.shared.Allowed;
import org.tipx.shared.InvalidInputException;
import org.tipx.signals.blindmatch.BlindMatching;
import org.tipx.signals.internal.Viewers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Matching without disclosure (ADR 0033): the caller's key, and which of its keyed values tipx holds in reports the
 * caller may see.
 */
@RestController
@RequestMapping("/api/v1/signals/blind-match")
@Tag(name = "signals")
class BlindMatchController {

	private final BlindMatching matching;

	private final Viewers viewers;

	BlindMatchController(BlindMatching matching, Viewers viewers) {
		this.matching = matching;
		this.viewers = viewers;
	}

	@GetMapping("/key")
	@Allowed.SignalReaders
	@Operation(summary = "The caller's organisation's blind-match key and scheme (keep it secret)")
	BlindMatching.Key key() {
		return matching.key(viewers.current());
	}

	@PostMapping
	@Allowed.SignalReaders
	@Operation(summary = "Which of these keyed values (HMAC-SHA-256 of type and canonical form under the caller's"
			+ " key) tipx holds in reports the caller may see; non-matching values are neither stored nor logged")
	BlindMatching.Answer match(@RequestBody(required = false) Request request) {
		if (request == null) {
			throw new InvalidInputException("hashes", "is required");
		}
		return matching.match(viewers.current(), request.hashes());
	}

	record Request(List<String> hashes) {
	}
}
