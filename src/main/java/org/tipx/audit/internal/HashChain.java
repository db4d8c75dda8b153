package org.tipx.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * SHA-256 over an unambiguous encoding of an entry's fields and the previous entry's hash.
 */
final class HashChain {

	static final String GENESIS = "0".repeat(64);

	private HashChain() {
	}

	/** PostgreSQL keeps microseconds; hash what will be read back. */
	static Instant storable(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	static String hash(long seq, Instant at, String actor, UUID actorId, UUID organisationId, String action,
			String objectType, String objectId, String outcome, String detail, String prevHash) {
		MessageDigest digest = sha256();
		// Length-prefix each field so that moving characters between adjacent fields changes the hash.
		for (Object field : new Object[] { seq, storable(at), actor, actorId, organisationId, action, objectType,
				objectId, outcome, detail, prevHash }) {
			byte[] bytes = field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
			String prefix = field == null ? "-1:" : bytes.length + ":";
			digest.update(prefix.getBytes(StandardCharsets.US_ASCII));
			digest.update(bytes);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	static String hash(AuditEntry e) {
		return hash(e.seq(), e.at(), e.actor(), e.actorId(), e.organisationId(), e.action(), e.objectType(),
				e.objectId(), e.outcome(), e.detail(), e.prevHash());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", e);
		}
	}
}
