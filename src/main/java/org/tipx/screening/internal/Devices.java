package org.tipx.screening.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipx.audit.AuditRecord;
import org.tipx.audit.AuditTrail;
import org.tipx.shared.Actor;
import org.tipx.shared.InvalidInputException;
import org.tipx.shared.NotFoundException;
import org.tipx.shared.Utc;

/**
 * Per-device tokens for ODK Collect and KoboCollect. A token is shown once, when issued; only its SHA-256 is kept.
 * Revoking a device refuses its next request at once.
 */
@Service
public class Devices {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Devices(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A device as its admin sees it. */
	public record Device(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
	}

	/** A newly issued device with its token, shown this once. */
	public record Issued(UUID id, String name, String token, Instant createdAt) {
	}

	@Transactional
	public Issued issue(Actor admin, String name) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new InvalidInputException("name", "is required, at most 100 characters (e.g. 'Tablet 3, Poipet post')");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO screening_device (id, organisation_id, name, token_hash, created_by, created_at)
				VALUES (?,?,?,?,?,?)""")
				.params(id, admin.organisationId(), name.strip(), hash(token), admin.accountId().orElse(null), Utc.at(now))
				.update();
		audit.record(AuditRecord.success("screening.device.issue", "screening_device", id).withDetail(name.strip()));
		return new Issued(id, name.strip(), token, now);
	}

	@Transactional(readOnly = true)
	public List<Device> of(UUID organisationId) {
		return jdbc.sql("""
				SELECT id, name, created_at, last_used_at, revoked_at FROM screening_device WHERE organisation_id = ?
				ORDER BY created_at DESC""").param(organisationId)
				.query((rs, n) -> new Device(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getObject(3, OffsetDateTime.class).toInstant(), instant(rs.getObject(4, OffsetDateTime.class)),
						instant(rs.getObject(5, OffsetDateTime.class))))
				.list();
	}

	@Transactional
	public void revoke(Actor admin, UUID id) {
		int changed = jdbc.sql("""
				UPDATE screening_device SET revoked_at = ? WHERE id = ? AND organisation_id = ? AND revoked_at IS NULL""")
				.params(Utc.at(clock.instant()), id, admin.organisationId()).update();
		if (changed == 0) {
			throw new NotFoundException("No active device " + id + " in your organisation");
		}
		audit.record(AuditRecord.success("screening.device.revoke", "screening_device", id));
	}

	/** The device holding this token, unless it is unknown or revoked. */
	@Transactional
	public Optional<DeviceActor> authenticate(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		Optional<DeviceActor> device = jdbc.sql("""
				SELECT id, name, organisation_id FROM screening_device WHERE token_hash = ? AND revoked_at IS NULL""")
				.param(hash(token))
				.query((rs, n) -> new DeviceActor(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getObject(3, UUID.class)))
				.optional();
		device.ifPresent(d -> jdbc.sql("UPDATE screening_device SET last_used_at = ? WHERE id = ?")
				.params(Utc.at(clock.instant()), d.deviceId()).update());
		return device;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
