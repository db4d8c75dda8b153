package org.tipx.federation;

/**
 * Who signed a document, as far as this installation can tell.
 *
 * @param outcome  whether it verifies, the signer is unknown, or the signature does not verify
 * @param instance the instance the document says signed it
 * @param self     whether the signer is this installation
 */
public record SignerCheck(Outcome outcome, String instance, boolean self) {

	/** The three answers. */
	public enum Outcome {
		/** Signed by this installation or a trusted peer, and unchanged since. */
		VERIFIED,
		/** The instance it names is not a trusted peer. */
		NOT_TRUSTED,
		/** The named signer is trusted, but the signature does not match the document: changed, or forged. */
		BAD_SIGNATURE
	}

	public boolean verified() {
		return outcome == Outcome.VERIFIED;
	}
}
