package org.tipx.signals.blindmatch;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipx.protection.FieldCipher;
import org.tipx.protection.SealedColumn;
import org.tipx.shared.Utc;

/**
 * The installation's blind-match secret: 32 random bytes made on first use, sealed at rest, from which each
 * organisation's key is derived.
 */
@Component
class BlindMatchKeys {

	static final SealedColumn SECRET = new SealedColumn("signals_blind_match_key", "id", "secret",
			"signals_blind_match_key.secret");

	private static final int CURRENT = 1;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Clock clock;

	private volatile byte[] secret;

	BlindMatchKeys(JdbcClient jdbc, FieldCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** The key id callers see, so a later rotation can tell keys apart. */
	String keyId() {
		return "k" + CURRENT;
	}

	byte[] of(UUID organisationId) {
		return BlindMatchScheme.organisationKey(secret(), organisationId);
	}

	private byte[] secret() {
		byte[] known = secret;
		if (known == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			jdbc.sql("INSERT INTO signals_blind_match_key (id, secret, created_at) VALUES (?,?,?) ON CONFLICT DO NOTHING")
					.params(CURRENT, cipher.seal(Base64.getEncoder().encodeToString(fresh), SECRET.context(CURRENT)),
							Utc.at(clock.instant()))
					.update();
			String sealed = jdbc.sql("SELECT secret FROM signals_blind_match_key WHERE id = ?").param(CURRENT)
					.query(String.class).single();
			known = Base64.getDecoder().decode(cipher.open(sealed, SECRET.context(CURRENT)));
			secret = known;
		}
		return known;
	}
}
