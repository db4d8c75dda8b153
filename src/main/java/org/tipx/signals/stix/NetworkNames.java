package org.tipx.signals.stix;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipx.signals.reading.NetworkViews;

/**
 * Finds the report a public network id is named after ({@link NetworkViews#publicId}): the id is a name-based UUID of
 * the network's oldest visible report, so the report is found by recomputing the hash in the database and checking it
 * here. Whether the caller may see that report, and whether it is still the oldest the caller sees, is checked by
 * reading the network through {@link NetworkViews}.
 */
@Component
class NetworkNames {

	private final JdbcClient jdbc;

	NetworkNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> namingReport(UUID networkId) {
		String hex = networkId.toString().replace("-", "");
		// The version and variant bits of the name-based UUID replace two nibbles of the MD5; compare the others.
		List<UUID> candidates = jdbc.sql("""
				SELECT id FROM (SELECT id, md5('tipx-network/' || id::text) AS h FROM signals_report) r
				WHERE substr(h, 1, 12) = ? AND substr(h, 14, 3) = ? AND substr(h, 18) = ?""")
				.params(hex.substring(0, 12), hex.substring(13, 16), hex.substring(17)).query(UUID.class).list();
		return candidates.stream().filter(id -> NetworkViews.publicId(id).equals(networkId)).findFirst();
	}
}
