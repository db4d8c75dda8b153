package org.tipx.federation.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tipx.federation.Federation;

/**
 * The public document other installations register this one from: its name, country and public keys. No login: it
 * holds nothing secret, and an administrator confirms its fingerprint by phone before trusting it.
 */
@RestController
class WellKnownController {

	private final Federation federation;

	WellKnownController(Federation federation) {
		this.federation = federation;
	}

	@GetMapping(path = "/.well-known/tipx-instance", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> instance() {
		return InstanceDocument.of(federation.self());
	}
}
