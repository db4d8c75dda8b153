package org.tipx.signals.stix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.tipx.signals.reading.ReportView;

/**
 * One tipx identifier as a STIX cyber-observable: its type, id-contributing properties, further properties and the
 * pattern that matches it. Phones, wallets and bank accounts are {@link TipxObservables}; a messaging handle
 * ({@code telegram:recruiter}) is a {@code user-account} whose {@code account_type} is the platform and whose
 * {@code user_id} is the handle.
 */
record Observable(String type, Map<String, String> contributing, Map<String, String> more,
		Optional<TipxObservables> extension) {

	/** The observable of a valid, non-weak indicator; empty for names and aliases. */
	static Optional<Observable> of(ReportView.IndicatorView indicator) {
		String value = indicator.canonical();
		return switch (indicator.type()) {
			case "url" -> Optional.of(plain("url", value));
			case "domain" -> Optional.of(plain("domain-name", value));
			case "email" -> Optional.of(plain("email-addr", value));
			case "ip" -> Optional.of(plain(value.contains(":") ? "ipv6-addr" : "ipv4-addr", value));
			case "phone" -> Optional.of(custom(TipxObservables.PHONE_NUMBER, value, Map.of()));
			case "crypto_address" -> Optional.of(custom(TipxObservables.CRYPTOCURRENCY_WALLET, value,
					indicator.chain() == null ? Map.of() : Map.of("chain", indicator.chain())));
			case "bank_account" -> Optional.of(custom(TipxObservables.BANK_ACCOUNT, value,
					value.contains(":") ? Map.of() : Map.of("iban", value)));
			case "messaging_handle" -> handle(value);
			default -> Optional.empty();
		};
	}

	private static Observable plain(String type, String value) {
		return new Observable(type, Map.of("value", value), Map.of(), Optional.empty());
	}

	private static Observable custom(TipxObservables type, String value, Map<String, String> more) {
		return new Observable(type.type(), Map.of("value", value), more, Optional.of(type));
	}

	private static Optional<Observable> handle(String canonical) {
		int colon = canonical.indexOf(':');
		if (colon <= 0 || colon == canonical.length() - 1) {
			return Optional.empty();
		}
		Map<String, String> contributing = new LinkedHashMap<>();
		contributing.put("account_type", canonical.substring(0, colon));
		contributing.put("user_id", canonical.substring(colon + 1));
		return Optional.of(new Observable("user-account", contributing, Map.of(), Optional.empty()));
	}

	String id() {
		return StixIds.observable(type, contributing);
	}

	/** The SCO as a JSON-ready map (without markings). */
	Map<String, Object> object() {
		Map<String, Object> sco = new LinkedHashMap<>();
		sco.put("type", type);
		sco.put("spec_version", "2.1");
		sco.put("id", id());
		sco.putAll(contributing);
		sco.putAll(more);
		extension.ifPresent(e -> sco.put("extensions", Map.of(e.extensionId(), Map.of("extension_type", "new-sco"))));
		return sco;
	}

	/** A STIX pattern matching exactly this observable. */
	String pattern() {
		StringBuilder pattern = new StringBuilder("[");
		for (Map.Entry<String, String> property : new java.util.TreeMap<>(contributing).entrySet()) {
			if (pattern.length() > 1) {
				pattern.append(" AND ");
			}
			pattern.append(type).append(':').append(property.getKey()).append(" = '")
					.append(property.getValue().replace("\\", "\\\\").replace("'", "\\'")).append('\'');
		}
		return pattern.append(']').toString();
	}
}
