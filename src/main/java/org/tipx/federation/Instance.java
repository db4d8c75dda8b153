package org.tipx.federation;

import java.util.List;

import org.tipx.protection.PublicKeyset;
import org.tipx.shared.CountryCode;

/**
 * A tipx installation as others know it: its name, its country and its public keys.
 */
public record Instance(String name, CountryCode country, List<PublicKeyset> publicKeys) {

	public Instance {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("an instance needs a name");
		}
		publicKeys = List.copyOf(publicKeys);
	}

	/** The fingerprint an administrator confirms by phone before trusting the keys. */
	public String fingerprint() {
		return PublicKeyset.fingerprint(publicKeys);
	}

	/** The keyset of one use ({@code sign} or {@code encrypt}). */
	public PublicKeyset keys(String use) {
		return publicKeys.stream().filter(k -> k.use().equals(use)).findFirst()
				.orElseThrow(() -> new IllegalStateException(name + " publishes no " + use + " keyset"));
	}
}
