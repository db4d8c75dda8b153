package org.tipx.cases.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The check a public report passes instead of a third-party CAPTCHA: the server issues a challenge
 * ({@code nonce.issued.expires.bits.mac}, HMAC-signed under a key drawn at start), the page's small script finds a
 * number {@code n} such that SHA-256({@code challenge + ":" + n}) starts with {@code bits} zero bits, and the server
 * checks it and accepts each challenge once. Without JavaScript, a report sent at least {@code noScriptWait} after
 * its challenge was issued is accepted instead: slower for a person, and still once per challenge and rate-limited.
 */
@Component
public class ProofOfWork {

	private final byte[] key = new byte[32];

	private final IntakeSettings settings;

	private final JdbcClient jdbc;

	private final Clock clock;

	ProofOfWork(IntakeSettings settings, JdbcClient jdbc, Clock clock) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		new SecureRandom().nextBytes(key);
	}

	/** Why a submission's check failed. */
	public enum Refusal {
		/** No proof and sent too soon, a wrong proof, an altered, foreign or expired challenge. */
		INVALID,
		/** The challenge was already used. */
		REPLAYED
	}

	/** A new challenge for a form about to be shown. */
	public String challenge() {
		byte[] nonce = new byte[16];
		new SecureRandom().nextBytes(nonce);
		long issued = clock.instant().getEpochSecond();
		String body = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "." + issued + "."
				+ (issued + settings.challengeLifetime().toSeconds()) + "." + settings.powBits();
		return body + "." + mac(body);
	}

	/**
	 * Checks a submission's challenge and solution and spends the challenge (in the caller's transaction, so a
	 * report that is not stored leaves it unspent).
	 *
	 * @return null when accepted
	 */
	public Refusal spend(String challenge, String solution) {
		String[] parts = challenge == null ? new String[0] : challenge.split("\\.");
		if (parts.length != 5) {
			return Refusal.INVALID;
		}
		String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
		if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
				parts[4].getBytes(StandardCharsets.US_ASCII))) {
			return Refusal.INVALID;
		}
		long now = clock.instant().getEpochSecond();
		long issued = Long.parseLong(parts[1]);
		long expires = Long.parseLong(parts[2]);
		if (now > expires) {
			return Refusal.INVALID;
		}
		if (!solved(challenge, solution, Integer.parseInt(parts[3])) && !waitedLongEnough(issued, now)) {
			return Refusal.INVALID;
		}
		jdbc.sql("DELETE FROM cases_intake_spent_challenge WHERE expires_at < ?")
				.param(clock.instant().atOffset(ZoneOffset.UTC)).update();
		int spent = jdbc.sql("""
				INSERT INTO cases_intake_spent_challenge (nonce, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING""")
				.params(parts[0], Instant.ofEpochSecond(expires).atOffset(ZoneOffset.UTC)).update();
		return spent == 1 ? null : Refusal.REPLAYED;
	}

	/** Whether SHA-256 of {@code challenge:solution} starts with {@code bits} zero bits. */
	static boolean solved(String challenge, String solution, int bits) {
		if (solution == null || !solution.matches("[0-9]{1,15}")) {
			return false;
		}
		byte[] hash = sha256(challenge + ":" + solution);
		for (int i = 0; i < bits; i++) {
			if ((hash[i / 8] & (0x80 >>> (i % 8))) != 0) {
				return false;
			}
		}
		return true;
	}

	/** Finds a solution (what the page's script does), for tests and tools. */
	static String solve(String challenge) {
		int bits = Integer.parseInt(challenge.split("\\.")[3]);
		for (long n = 0;; n++) {
			if (solved(challenge, Long.toString(n), bits)) {
				return Long.toString(n);
			}
		}
	}

	private boolean waitedLongEnough(long issued, long now) {
		return !settings.noScriptWait().isZero() && now - issued >= settings.noScriptWait().toSeconds();
	}

	private String mac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
