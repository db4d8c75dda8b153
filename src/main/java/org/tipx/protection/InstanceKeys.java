package org.tipx.protection;

import java.util.List;

/**
 * This installation's own key pairs, for talking to other tipx installations: one signs what it sends (Ed25519), one
 * opens what others encrypted to it (HPKE, X25519). Both are Tink keysets in files beside the field keyset, created on
 * first start. A rotation adds a new primary key to each; the older public keys stay published so that a package
 * signed before the rotation still verifies and one encrypted to an older key still opens.
 */
public interface InstanceKeys {

	/** Signs {@code data} with the primary signing key. */
	Signature sign(byte[] data);

	/** The public halves of both keysets, every key still held, as others should trust them. */
	List<PublicKeyset> publicKeys();

	/**
	 * Opens what another installation encrypted to one of this installation's public encryption keys.
	 *
	 * @param context what the ciphertext was bound to when it was encrypted; a different context does not open it
	 * @throws IllegalStateException if it was not encrypted to this installation, was altered, or was bound elsewhere
	 */
	byte[] decrypt(byte[] ciphertext, byte[] context);

	/** Adds a new primary signing and encryption key, keeping the older ones; returns the public keys after it. */
	List<PublicKeyset> rotate();

	/**
	 * A detached signature.
	 *
	 * @param keyId the Tink id of the key that made it
	 * @param value the signature, base64
	 */
	record Signature(String keyId, String value) {

		public Signature {
			if (keyId == null || keyId.isBlank() || value == null || value.isBlank()) {
				throw new IllegalArgumentException("a signature needs a key id and a value");
			}
		}
	}
}
