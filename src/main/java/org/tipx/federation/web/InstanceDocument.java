package org.tipx.federation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tipx.federation.Instance;

/** How an installation is written in JSON: name, country, public keys with their fingerprints, and the fingerprint. */
final class InstanceDocument {

	private InstanceDocument() {
	}

	static Map<String, Object> of(Instance instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", instance.name());
		body.put("country", instance.country().value());
		body.put("publicKeys", instance.publicKeys().stream()
				.map(k -> Map.of("use", k.use(), "keyset", k.keyset(), "fingerprint", k.fingerprint())).toList());
		body.put("fingerprint", instance.fingerprint());
		return body;
	}

	static List<Map<String, Object>> keys(Instance instance) {
		return instance.publicKeys().stream()
				.map(k -> Map.<String, Object>of("use", k.use(), "fingerprint", k.fingerprint())).toList();
	}
}
