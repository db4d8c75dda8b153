package org.tipx.protection.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.tipx.protection.FieldCipher;

/**
 * {@link FieldCipher} over the {@link Keyring}. A sealed value is {@code tk1:} followed by the base64 of Tink's
 * ciphertext, whose first five bytes name the key that sealed it; the context is the AEAD's associated data.
 */
public class TinkFieldCipher implements FieldCipher {

	static final String PREFIX = "tk1:";

	/** Tink's output prefix: one version byte (1 = TINK) and the four-byte key id. */
	private static final int TINK_PREFIX = 5;

	private final Keyring keyring;

	public TinkFieldCipher(Keyring keyring) {
		this.keyring = keyring;
	}

	@Override
	public String seal(String plaintext, String context) {
		if (plaintext == null) {
			throw new IllegalArgumentException("nothing to seal");
		}
		try {
			byte[] ciphertext = keyring.keys().aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					associated(context));
			return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(ciphertext);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not seal a value for " + context, e);
		}
	}

	@Override
	public String open(String sealed, String context) {
		if (!isSealed(sealed)) {
			throw new IllegalStateException("not a sealed value (context " + context + ")");
		}
		try {
			byte[] plaintext = keyring.keys().aead().decrypt(ciphertext(sealed), associated(context));
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("a sealed value for " + context
					+ " does not open: altered, moved from another place, or sealed under a key no longer held", e);
		}
	}

	@Override
	public boolean isSealed(String value) {
		return value != null && value.startsWith(PREFIX) && value.length() > PREFIX.length() + 8;
	}

	@Override
	public boolean sealedUnderOldKey(String sealed) {
		return keyId(sealed) != keyring.keys().primaryId();
	}

	/** The id of the key that sealed {@code sealed}. */
	static int keyId(String sealed) {
		byte[] ciphertext = ciphertext(sealed);
		if (ciphertext.length < TINK_PREFIX || ciphertext[0] != 1) {
			throw new IllegalStateException("a sealed value without a Tink key prefix");
		}
		return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
	}

	private static byte[] ciphertext(String sealed) {
		return Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
	}

	private static byte[] associated(String context) {
		if (context == null || context.isBlank()) {
			throw new IllegalArgumentException("a sealed value needs the context it lives in");
		}
		return context.getBytes(StandardCharsets.UTF_8);
	}
}
