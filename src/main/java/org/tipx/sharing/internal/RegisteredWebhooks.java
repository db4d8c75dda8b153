package org.tipx.sharing.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.NotFoundException;
import org.tipx.sharing.Deliverable;
import org.tipx.sharing.Webhooks;

/**
 * The webhook table (kept under its first name, {@code signals_webhook}, so sealed secrets stay bound to where they
 * live), the failed attempts and the deliveries made.
 */
@Service
class RegisteredWebhooks implements Webhooks {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What the admin is told of a failure that got no HTTP answer; the cause stays in the server log. */
	static final String NO_ANSWER = "delivery failed";

	/** The signing secret is sealed at rest, bound to its organisation's row. */
	static final SealedColumn SECRET = new SealedColumn("signals_webhook", "organisation_id", "secret",
			"signals_webhook.secret");

	private final JdbcClient jdbc;

	private final WebhookAddresses addresses;

	private final AuditTrail audit;

	private final Clock clock;

	private final FieldCipher cipher;

	private final WebhookSettings settings;

	private final IncompleteEventPublications incomplete;

	RegisteredWebhooks(JdbcClient jdbc, WebhookAddresses addresses, AuditTrail audit, Clock clock, FieldCipher cipher,
			WebhookSettings settings, IncompleteEventPublications incomplete) {
		this.jdbc = jdbc;
		this.addresses = addresses;
		this.audit = audit;
		this.clock = clock;
		this.cipher = cipher;
		this.settings = settings;
		this.incomplete = incomplete;
	}

	@Override
	@Transactional
	public Registered register(UUID organisationId, UUID by, String url) {
		String target = addresses.checked(url).toString();
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO signals_webhook (organisation_id, url, secret, created_by, created_at) VALUES (?,?,?,?,?)
				ON CONFLICT (organisation_id) DO UPDATE SET url = excluded.url, secret = excluded.secret,
				  created_by = excluded.created_by, created_at = excluded.created_at""")
				.params(organisationId, target, cipher.seal(secret, SECRET.context(organisationId)), by, utc(now))
				.update();
		audit.record(AuditRecord.success("signals.webhook.register", "organisation", organisationId)
				.withDetail(java.net.URI.create(target).getHost()));
		return new Registered(target, secret, now);
	}

	@Override
	@Transactional
	public void remove(UUID organisationId) {
		if (jdbc.sql("DELETE FROM signals_webhook WHERE organisation_id = ?").param(organisationId).update() == 0) {
			throw new NotFoundException("webhook of organisation " + organisationId);
		}
		audit.record(AuditRecord.success("signals.webhook.remove", "organisation", organisationId));
	}

	@Override
	@Transactional(readOnly = true)
	public Status status(UUID organisationId) {
		Target target = find(organisationId).orElseThrow(() -> new NotFoundException("webhook of organisation "
				+ organisationId));
		List<Failure> failures = jdbc.sql("""
				SELECT delivery_id, attempt, error, failed_at FROM signals_webhook_failure WHERE organisation_id = ?
				ORDER BY failed_at DESC LIMIT 100""").param(organisationId)
				.query((rs, n) -> new Failure(rs.getObject(1, UUID.class), rs.getInt(2), shown(rs.getString(3)),
						rs.getObject(4, OffsetDateTime.class).toInstant()))
				.list();
		return new Status(target.url(), target.createdAt(), failures);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Abandoned> abandoned(UUID organisationId) {
		return jdbc.sql("""
				SELECT delivery_id, count(*), max(failed_at) FROM signals_webhook_failure f
				WHERE organisation_id = ? AND cleared_at IS NULL
				  AND NOT EXISTS (SELECT 1 FROM signals_webhook_delivery d WHERE d.delivery_id = f.delivery_id)
				GROUP BY delivery_id HAVING count(*) >= ? ORDER BY max(failed_at) DESC LIMIT 100""")
				.params(organisationId, settings.maxAttempts())
				.query((rs, n) -> new Abandoned(rs.getObject(1, UUID.class), rs.getInt(2),
						rs.getObject(3, OffsetDateTime.class).toInstant()))
				.list();
	}

	/**
	 * Not one transaction: the cleared attempts must be committed before the resubmitted delivery, which runs on
	 * another thread, counts them.
	 */
	@Override
	public void retry(UUID organisationId, UUID deliveryId) {
		if (abandoned(organisationId).stream().noneMatch(a -> a.deliveryId().equals(deliveryId))) {
			throw new NotFoundException("abandoned delivery " + deliveryId);
		}
		jdbc.sql("UPDATE signals_webhook_failure SET cleared_at = ? WHERE delivery_id = ? AND cleared_at IS NULL")
				.params(utc(clock.instant()), deliveryId).update();
		audit.record(AuditRecord.success("signals.webhook.retry", "delivery", deliveryId));
		incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
				.withFilter(p -> p.getEvent() instanceof Deliverable d && d.deliveryId().equals(deliveryId)
						&& d.recipient().equals(organisationId)));
	}

	/** An HTTP status the receiver answered is the admin's to see; any other cause could map the network. */
	private static String shown(String error) {
		return error.matches("HTTP \\d{3}") ? error : NO_ANSWER;
	}

	Optional<Target> find(UUID organisationId) {
		return jdbc.sql("SELECT url, secret, created_at FROM signals_webhook WHERE organisation_id = ?")
				.param(organisationId)
				.query((rs, n) -> new Target(rs.getString(1), secret(organisationId, rs.getString(2)),
						rs.getObject(3, OffsetDateTime.class).toInstant()))
				.optional();
	}

	/** Opens the stored secret; one stored before secrets were sealed is re-sealed at the next start. */
	private String secret(UUID organisationId, String stored) {
		return cipher.isSealed(stored) ? cipher.open(stored, SECRET.context(organisationId)) : stored;
	}

	/** Records a failed attempt (the cause is for the server's operators; see {@link #shown}). */
	void failed(UUID organisationId, UUID deliveryId, int attempt, String error) {
		jdbc.sql("""
				INSERT INTO signals_webhook_failure (id, organisation_id, delivery_id, attempt, error, failed_at)
				VALUES (?,?,?,?,?,?)""")
				.params(UUID.randomUUID(), organisationId, deliveryId, attempt,
						error.length() > 500 ? error.substring(0, 500) : error, utc(clock.instant()))
				.update();
	}

	/** Failed attempts so far for a delivery (since it was last retried by hand), and when the last one failed. */
	Attempts attempts(UUID deliveryId) {
		return jdbc.sql("SELECT count(*), max(failed_at) FROM signals_webhook_failure WHERE delivery_id = ?"
				+ " AND cleared_at IS NULL")
				.param(deliveryId)
				.query((rs, n) -> new Attempts(rs.getInt(1), rs.getObject(2, OffsetDateTime.class) == null ? null
						: rs.getObject(2, OffsetDateTime.class).toInstant()))
				.single();
	}

	boolean delivered(UUID deliveryId) {
		return jdbc.sql("SELECT count(*) FROM signals_webhook_delivery WHERE delivery_id = ?").param(deliveryId)
				.query(Integer.class).single() > 0;
	}

	void markDelivered(UUID deliveryId, int status) {
		jdbc.sql("INSERT INTO signals_webhook_delivery (delivery_id, delivered_at, status) VALUES (?,?,?)"
				+ " ON CONFLICT (delivery_id) DO NOTHING").params(deliveryId, utc(clock.instant()), status).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	record Target(String url, String secret, Instant createdAt) {
	}

	record Attempts(int failures, Instant lastFailure) {
	}
}
