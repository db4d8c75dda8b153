package org.tipx.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.signature.SignatureConfig;

/**
 * The public half of one of an installation's keysets, as published at {@code /.well-known/tipx-instance} and
 * registered for a peer: a Tink JSON public keyset, base64, and its fingerprint (SHA-256 of the decoded keyset, hex).
 * A keyset that does not parse, holds secret key material or does not fit its use is refused when constructed.
 *
 * @param use    {@code sign} (verifies the installation's signatures) or {@code encrypt} (encrypts to it)
 * @param keyset the Tink JSON public keyset, base64
 */
public record PublicKeyset(String use, String keyset) {

	public static final String SIGN = "sign";

	public static final String ENCRYPT = "encrypt";

	static {
		try {
			SignatureConfig.register();
			HybridConfig.register();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Tink signatures and hybrid encryption are not available", e);
		}
	}

	public PublicKeyset {
		if (!SIGN.equals(use) && !ENCRYPT.equals(use)) {
			throw new IllegalArgumentException("use must be sign or encrypt");
		}
		if (keyset == null || keyset.isBlank()) {
			throw new IllegalArgumentException("a public keyset is required");
		}
		KeysetHandle handle = parse(keyset);
		try {
			if (SIGN.equals(use)) {
				handle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
			}
			else {
				handle.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
			}
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("the " + use + " keyset does not hold keys for that use");
		}
	}

	/** Makes sure Tink's signature and hybrid primitives are registered (done once, when this class loads). */
	public static void registerPrimitives() {
		// the static initialiser did it
	}

	/** SHA-256 of the decoded keyset, hex, what an administrator reads out on the phone. */
	public String fingerprint() {
		return sha256(Base64.getDecoder().decode(keyset));
	}

	/** One fingerprint for a whole list of keysets: SHA-256 over each {@code use:fingerprint} line, hex. */
	public static String fingerprint(List<PublicKeyset> keysets) {
		StringBuilder lines = new StringBuilder();
		for (PublicKeyset keyset : keysets) {
			lines.append(keyset.use()).append(':').append(keyset.fingerprint()).append('\n');
		}
		return sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Whether {@code signature} (base64) is a signature of {@code data} by one of this keyset's keys. */
	public boolean verifies(byte[] data, String signature) {
		if (!SIGN.equals(use)) {
			return false;
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(signature);
			parse(keyset).getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class).verify(bytes, data);
			return true;
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	/** Encrypts {@code plaintext} to this keyset's primary key, bound to {@code context}. */
	public byte[] encrypt(byte[] plaintext, byte[] context) {
		if (!ENCRYPT.equals(use)) {
			throw new IllegalStateException("a signing keyset does not encrypt");
		}
		try {
			return parse(keyset).getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class).encrypt(plaintext,
					context);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not encrypt to the public keyset", e);
		}
	}

	private static KeysetHandle parse(String keyset) {
		try {
			return TinkJsonProtoKeysetFormat
					.parseKeysetWithoutSecret(new String(Base64.getDecoder().decode(keyset), StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalArgumentException("not a base64 Tink JSON public keyset");
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
