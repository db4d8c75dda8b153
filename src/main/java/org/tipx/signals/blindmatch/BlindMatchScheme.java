package org.tipx.signals.blindmatch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.tipx.signals.IndicatorType;

/**
 * The published blind-match scheme {@value #NAME} (ADR 0033), the same code in tipx and in its command-line client:
 * a value is canonicalised with {@link org.tipx.signals.canonical.Canonicalisers} and sent only as
 * {@code base64url(HMAC-SHA-256(organisation key, type + "\n" + canonical))} without padding. Each organisation
 * has its own key, derived from the installation's secret, so one organisation's hashes mean nothing under
 * another's key. Built without Spring.
 */
public final class BlindMatchScheme {

	public static final String NAME = "tipx-blind-match-v1";

	/** A keyed value as sent: 32 bytes in base64url without padding. */
	public static final Pattern KEYED_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private BlindMatchScheme() {
	}

	/** The keyed value of one canonical value. */
	public static String keyed(byte[] organisationKey, IndicatorType type, String canonical) {
		byte[] mac = hmac(organisationKey, type.wire() + "\n" + canonical);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
	}

	/** An organisation's key, derived from the installation's secret. */
	static byte[] organisationKey(byte[] installationSecret, UUID organisationId) {
		return hmac(installationSecret, NAME + " organisation " + organisationId);
	}

	private static byte[] hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", e);
		}
	}
}
