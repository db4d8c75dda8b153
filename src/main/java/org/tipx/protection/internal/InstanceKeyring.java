package org.tipx.protection.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.PredefinedHybridParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import org.tipx.protection.InstanceKeys;
import org.tipx.protection.PublicKeyset;

/**
 * The installation's signing keyset (Ed25519) and encryption keyset (HPKE X25519, AES-128-GCM), each a Tink JSON
 * file readable only by its owner, created on first start unless creation is off. Rotation adds a new primary to both
 * and rewrites the files; every older key stays, so what was signed or encrypted before still verifies and opens.
 */
public class InstanceKeyring implements InstanceKeys {

	private static final Logger log = LoggerFactory.getLogger(InstanceKeyring.class);

	private final KeysetFile signingFile;

	private final KeysetFile encryptionFile;

	private final AtomicReference<Keys> current = new AtomicReference<>();

	private record Keys(KeysetHandle signing, KeysetHandle encryption, PublicKeySign signer, HybridDecrypt opener,
			List<PublicKeyset> published) {

		static Keys of(KeysetHandle signing, KeysetHandle encryption) {
			try {
				return new Keys(signing, encryption,
						signing.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class),
						encryption.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class),
						List.of(publicOf(PublicKeyset.SIGN, signing), publicOf(PublicKeyset.ENCRYPT, encryption)));
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("the instance keysets cannot sign or decrypt", e);
			}
		}

		private static PublicKeyset publicOf(String use, KeysetHandle handle) throws GeneralSecurityException {
			String json = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(handle.getPublicKeysetHandle());
			return new PublicKeyset(use, Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
		}
	}

	public InstanceKeyring(Path signing, Path encryption, boolean createIfMissing) {
		PublicKeyset.registerPrimitives();
		this.signingFile = new KeysetFile(signing);
		this.encryptionFile = new KeysetFile(encryption);
		current.set(Keys.of(load(signingFile, PredefinedSignatureParameters.ED25519, createIfMissing),
				load(encryptionFile, PredefinedHybridParameters.HPKE_X25519_HKDF_SHA256_AES_128_GCM, createIfMissing)));
	}

	@Override
	public Signature sign(byte[] data) {
		Keys keys = current.get();
		try {
			return new Signature(Integer.toUnsignedString(keys.signing().getPrimary().getId()),
					Base64.getEncoder().encodeToString(keys.signer().sign(data)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not sign", e);
		}
	}

	@Override
	public List<PublicKeyset> publicKeys() {
		return current.get().published();
	}

	@Override
	public byte[] decrypt(byte[] ciphertext, byte[] context) {
		try {
			return current.get().opener().decrypt(ciphertext, context);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("not encrypted to this installation, altered, or bound elsewhere");
		}
	}

	@Override
	public synchronized List<PublicKeyset> rotate() {
		Keys keys = current.get();
		try {
			KeysetHandle signing = withNewPrimary(keys.signing(), PredefinedSignatureParameters.ED25519);
			KeysetHandle encryption = withNewPrimary(keys.encryption(),
					PredefinedHybridParameters.HPKE_X25519_HKDF_SHA256_AES_128_GCM);
			signingFile.write(signing);
			encryptionFile.write(encryption);
			Keys rotated = Keys.of(signing, encryption);
			current.set(rotated);
			log.info("Instance keys rotated: signing key {} and encryption key {} are primary",
					Integer.toUnsignedString(signing.getPrimary().getId()),
					Integer.toUnsignedString(encryption.getPrimary().getId()));
			return rotated.published();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not rotate the instance keys", e);
		}
	}

	private static KeysetHandle withNewPrimary(KeysetHandle handle, Parameters parameters)
			throws GeneralSecurityException {
		return KeysetHandle.newBuilder(handle)
				.addEntry(KeysetHandle.generateEntryFromParameters(parameters).withRandomId().makePrimary()).build();
	}

	private static KeysetHandle load(KeysetFile file, Parameters parameters, boolean create) {
		if (file.exists()) {
			return file.read();
		}
		if (!create) {
			throw new IllegalStateException("No instance keyset at " + file.file() + " and keyset creation is off: "
					+ "restore the file or point to it (TIPX_INSTANCE_SIGNING_KEYSET_FILE, "
					+ "TIPX_INSTANCE_ENCRYPTION_KEYSET_FILE)");
		}
		try {
			KeysetHandle fresh = KeysetHandle.generateNew(parameters);
			file.write(fresh);
			log.warn("Created a new instance keyset in {}; peers must register its public keys again if it replaces "
					+ "a lost one", file.file());
			return fresh;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not generate an instance key", e);
		}
	}
}
