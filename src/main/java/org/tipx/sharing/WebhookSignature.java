package org.tipx.sharing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries so a receiver can tell they come from tipx and are fresh. The signature is
 * {@code v1=} followed by the lower-case hex HMAC-SHA256, keyed with the webhook secret, of the timestamp (Unix
 * seconds, as sent in {@value #TIMESTAMP_HEADER}), a full stop, and the raw body bytes. Receivers recompute it, compare
 * in constant time, and reject timestamps older than {@link #TOLERANCE} so a captured delivery cannot be replayed.
 */
public final class WebhookSignature {

	public static final String TIMESTAMP_HEADER = "X-Tipx-Timestamp";

	public static final String SIGNATURE_HEADER = "X-Tipx-Signature";

	/** Identifies the delivery (for an alert, the alert id); the same on every retry, so a receiver can drop duplicates. */
	public static final String DELIVERY_HEADER = "X-Tipx-Delivery";

	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	private WebhookSignature() {
	}

	public static String sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}

	/** What a receiver does: the signature matches and the timestamp is within the tolerance of its clock. */
	public static boolean verify(String secret, String timestamp, String signature, byte[] body, Instant now) {
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException | NullPointerException e) {
			return false;
		}
		if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0 || signature == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}
}
