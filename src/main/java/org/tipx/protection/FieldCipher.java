package org.tipx.protection;

/**
 * Seals text for storage and opens it again. A sealed value is authenticated encryption (AES-256-GCM through Tink)
 * bound to a context that names where it lives, e.g. {@code signals_webhook.secret/<organisation id>}: a sealed value
 * copied into another row or column does not open. Sealed values are printable ASCII, safe for a TEXT column.
 */
public interface FieldCipher {

	/** Encrypts {@code plaintext} under the current primary key, bound to {@code context}. */
	String seal(String plaintext, String context);

	/**
	 * Decrypts a value sealed for {@code context}.
	 *
	 * @throws IllegalStateException if the value was not sealed for this context, was altered, or was sealed under a
	 *                               key this keyset no longer holds
	 */
	String open(String sealed, String context);

	/** Whether {@code value} looks like something this cipher sealed (and not plaintext stored before sealing began). */
	boolean isSealed(String value);

	/** Whether a sealed value was sealed under a key other than the current primary, so a rotation should re-seal it. */
	boolean sealedUnderOldKey(String sealed);
}
