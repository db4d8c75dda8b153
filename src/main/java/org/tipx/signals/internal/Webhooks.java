package org.tipx.signals.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.google.common.net.InetAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;

/**
 * Each organisation's alert webhook: where alerts are posted, the secret that signs them, and the failed attempts its
 * admin should know about.
 */
@Service
public class Webhooks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final WebhookSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	private final FieldCipher cipher;

	/** The signing secret is sealed at rest, bound to its organisation's row. */
	static final SealedColumn SECRET = new SealedColumn("signals_webhook", "organisation_id", "secret",
			"signals_webhook.secret");

	Webhooks(JdbcClient jdbc, WebhookSettings settings, AuditTrail audit, Clock clock, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.cipher = cipher;
	}

	/** Registers or replaces the organisation's webhook; the answer holds the new secret, shown this once. */
	@Transactional
	public Registered register(UUID organisationId, UUID by, String url) {
		URI target = checked(url);
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO signals_webhook (organisation_id, url, secret, created_by, created_at) VALUES (?,?,?,?,?)
				ON CONFLICT (organisation_id) DO UPDATE SET url = excluded.url, secret = excluded.secret,
				  created_by = excluded.created_by, created_at = excluded.created_at""")
				.params(organisationId, target.toString(), cipher.seal(secret, SECRET.context(organisationId)), by,
						ReportStore.utc(now))
				.update();
		audit.record(AuditRecord.success("signals.webhook.register", "organisation", organisationId)
				.withDetail(target.getHost()));
		return new Registered(target.toString(), secret, now);
	}

	@Transactional
	public void remove(UUID organisationId) {
		if (jdbc.sql("DELETE FROM signals_webhook WHERE organisation_id = ?").param(organisationId).update() == 0) {
			throw new NotFoundException("webhook of organisation " + organisationId);
		}
		audit.record(AuditRecord.success("signals.webhook.remove", "organisation", organisationId));
	}

	/** The webhook and its recent failures, for the organisation's admin; the secret is never shown again. */
	@Transactional(readOnly = true)
	public Status status(UUID organisationId) {
		Target target = find(organisationId).orElseThrow(() -> new NotFoundException("webhook of organisation "
				+ organisationId));
		List<Failure> failures = jdbc.sql("""
				SELECT alert_id, attempt, error, failed_at FROM signals_webhook_failure WHERE organisation_id = ?
				ORDER BY failed_at DESC LIMIT 100""").param(organisationId)
				.query((rs, n) -> new Failure(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class).toInstant()))
				.list();
		return new Status(target.url(), target.createdAt(), failures);
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

	/** Records a failed attempt on its own, so it stays when the delivery's transaction rolls back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(UUID organisationId, UUID alertId, int attempt, String error) {
		jdbc.sql("""
				INSERT INTO signals_webhook_failure (id, organisation_id, alert_id, attempt, error, failed_at)
				VALUES (?,?,?,?,?,?)""")
				.params(UUID.randomUUID(), organisationId, alertId, attempt,
						error.length() > 500 ? error.substring(0, 500) : error, ReportStore.utc(clock.instant()))
				.update();
	}

	/** Failed attempts so far for an alert, and when the last one failed. */
	Attempts attempts(UUID alertId) {
		return jdbc.sql("SELECT count(*), max(failed_at) FROM signals_webhook_failure WHERE alert_id = ?").param(alertId)
				.query((rs, n) -> new Attempts(rs.getInt(1), rs.getObject(2, OffsetDateTime.class) == null ? null
						: rs.getObject(2, OffsetDateTime.class).toInstant()))
				.single();
	}

	boolean delivered(UUID alertId) {
		return jdbc.sql("SELECT count(*) FROM signals_webhook_delivery WHERE alert_id = ?").param(alertId)
				.query(Integer.class).single() > 0;
	}

	void markDelivered(UUID alertId, int status) {
		jdbc.sql("INSERT INTO signals_webhook_delivery (alert_id, delivered_at, status) VALUES (?,?,?)"
				+ " ON CONFLICT (alert_id) DO NOTHING").params(alertId, ReportStore.utc(clock.instant()), status).update();
	}

	private URI checked(String url) {
		if (url == null || url.isBlank() || url.length() > 2_000) {
			throw new InvalidInputException("url", "is required, an absolute https URL of at most 2,000 characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			throw new InvalidInputException("url", "is not a valid URL: " + e.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
		if (uri.getHost() == null || !(scheme.equals("https") || settings.allowInsecure() && scheme.equals("http"))) {
			throw new InvalidInputException("url", "must be an absolute https URL");
		}
		if (uri.getUserInfo() != null) {
			throw new InvalidInputException("url", "must not carry a user name or password");
		}
		if (!settings.allowInsecure() && internal(uri.getHost())) {
			throw new InvalidInputException("url", "must not point at a loopback or private-network address");
		}
		return uri;
	}

	private static boolean internal(String host) {
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase().endsWith(".localhost")) {
			return true;
		}
		if (!InetAddresses.isInetAddress(bare)) {
			return false;
		}
		InetAddress address = InetAddresses.forString(bare);
		return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress();
	}

	/** A newly registered webhook, with its secret. */
	public record Registered(String url, String secret, Instant createdAt) {
	}

	/** A registered webhook as its admin sees it. */
	public record Status(String url, Instant createdAt, List<Failure> recentFailures) {
	}

	/** One failed delivery attempt. */
	public record Failure(UUID alertId, int attempt, String error, Instant failedAt) {
	}

	record Target(String url, String secret, Instant createdAt) {
	}

	record Attempts(int failures, Instant lastFailure) {
	}
}
