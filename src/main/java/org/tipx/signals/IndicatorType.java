package org.tipx.signals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of identifier a report can carry. Weak types (names and aliases) only ever suggest links.
 */
public enum IndicatorType {
	PHONE("phone", false), EMAIL("email", false), URL("url", false), DOMAIN("domain", false),
	MESSAGING_HANDLE("messaging_handle", false), CRYPTO_ADDRESS("crypto_address", false),
	BANK_ACCOUNT("bank_account", false), IP("ip", false), ORGANISATION_NAME("organisation_name", true),
	PERSON_ALIAS("person_alias", true);

	private final String wire;

	private final boolean weak;

	IndicatorType(String wire, boolean weak) {
		this.wire = wire;
		this.weak = weak;
	}

	/** The name used in the API, e.g. {@code messaging_handle}. */
	public String wire() {
		return wire;
	}

	public boolean weak() {
		return weak;
	}

	public static Optional<IndicatorType> fromWire(String name) {
		return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
	}

	public static List<String> wireNames() {
		return Arrays.stream(values()).map(IndicatorType::wire).toList();
	}
}
