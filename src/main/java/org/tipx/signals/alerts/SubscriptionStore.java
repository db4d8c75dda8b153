package org.tipx.signals.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipx.shared.Tlp;
import org.tipx.signals.Category;

/**
 * The stored alert subscriptions, one per organisation. The organisation's own country is not stored: it is the
 * directory's, and always followed.
 */
@Repository
class SubscriptionStore {

	private final JdbcClient jdbc;

	SubscriptionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AlertSubscription> find(UUID organisationId, String ownCountry) {
		return jdbc.sql("SELECT * FROM signals_alert_subscription WHERE organisation_id = ?").param(organisationId)
				.query((rs, n) -> read(rs, ownCountry)).optional();
	}

	/** Organisations that follow this country other than their own (their own is never stored). */
	Set<UUID> followingInside(String country) {
		return new HashSet<>(jdbc.sql("SELECT organisation_id FROM signals_alert_subscription WHERE ? = ANY(countries)")
				.param(country).query(UUID.class).list());
	}

	/**
	 * The reports of an import in a network that holds another active report and lies in a country some organisation
	 * follows: those that may alert a follower before the network crosses a border.
	 */
	List<UUID> importedInFollowedNetworks(UUID importId) {
		return jdbc.sql("""
				WITH followed AS (SELECT DISTINCT unnest(countries) AS country FROM signals_alert_subscription),
				touched AS (SELECT DISTINCT network_id FROM signals_report
				  WHERE import_id = :import AND reporter_country IN (SELECT country FROM followed)),
				grown AS (SELECT m.network_id FROM signals_report m JOIN touched t ON t.network_id = m.network_id
				  WHERE m.retracted_at IS NULL GROUP BY m.network_id HAVING count(*) > 1)
				SELECT r.id FROM signals_report r
				WHERE r.import_id = :import AND r.network_id IN (SELECT network_id FROM grown)""")
				.param("import", importId).query(UUID.class).list();
	}

	/** Both lists of reports as one, without repeats, in the order they were filed. */
	List<UUID> inFilingOrder(List<UUID> some, List<UUID> others) {
		Set<UUID> all = new HashSet<>(some);
		all.addAll(others);
		return jdbc.sql("SELECT id FROM signals_report WHERE id = ANY(?) ORDER BY created_at, id")
				.param(all.toArray(UUID[]::new)).query(UUID.class).list();
	}

	void save(UUID organisationId, AlertSubscription subscription, UUID by, Instant at) {
		String[] countries = subscription.countries().stream().filter(c -> !c.equals(subscription.ownCountry()))
				.toArray(String[]::new);
		String[] categories = subscription.categories().stream().map(Enum::name).toArray(String[]::new);
		jdbc.sql("""
				INSERT INTO signals_alert_subscription
				  (organisation_id, countries, categories, min_network_size, tlp_floor, digest, updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (organisation_id) DO UPDATE SET countries = excluded.countries,
				  categories = excluded.categories, min_network_size = excluded.min_network_size,
				  tlp_floor = excluded.tlp_floor, digest = excluded.digest, updated_by = excluded.updated_by,
				  updated_at = excluded.updated_at""")
				.params(organisationId, countries, categories, subscription.minNetworkSize(),
						subscription.tlpFloor().name(), subscription.digest().name(), by,
						OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
				.update();
	}

	private static AlertSubscription read(ResultSet rs, String ownCountry) throws SQLException {
		return new AlertSubscription(ownCountry,
				Arrays.stream((String[]) rs.getArray("countries").getArray()).collect(Collectors.toSet()),
				Arrays.stream((String[]) rs.getArray("categories").getArray()).map(Category::valueOf)
						.collect(Collectors.toSet()),
				rs.getInt("min_network_size"), Tlp.valueOf(rs.getString("tlp_floor")),
				AlertSubscription.Digest.valueOf(rs.getString("digest")));
	}
}
