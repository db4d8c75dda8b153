package org.tipx.cases.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.tipx.federation.CanonicalJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A handover package: one JSON object ({@code format} {@value #FORMAT}) holding the case's HTCDS-coded fields, the
 * consent in force, the non-punishment determination and measures, the referral history, the personal fields the
 * consent lets go (encrypted to the receiving installation), and a detached signature of the sending installation over
 * the canonical JSON of everything else ({@code signature: {keyId, value}}).
 */
record HandoverPackage(ObjectNode document) {

	static final String FORMAT = "tipx-handover/1";

	/** What the signature covers: the canonical bytes of the document without its {@code signature} member. */
	byte[] signedBytes() {
		ObjectNode unsigned = document.deepCopy();
		unsigned.remove("signature");
		return CanonicalJson.bytes(unsigned);
	}

	/** The document as it is downloaded and carried: canonical, signature included. */
	String text() {
		return CanonicalJson.text(document);
	}

	UUID id() {
		return UUID.fromString(document.path("id").asString());
	}

	String fromInstance() {
		return document.path("from").path("instance").asString(null);
	}

	String signature() {
		return document.path("signature").path("value").asString(null);
	}

	/** What encrypted personal fields are bound to: the package's format and id. */
	static byte[] personalContext(UUID id) {
		return (FORMAT + "/personal/" + id).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Reads a package someone brought.
	 *
	 * @throws IllegalArgumentException saying why it is not a handover package
	 */
	static HandoverPackage parse(String text) {
		JsonNode node = CanonicalJson.parse(text);
		if (!FORMAT.equals(node.path("format").asString(null))) {
			throw new IllegalArgumentException("its format is not " + FORMAT);
		}
		try {
			UUID.fromString(node.path("id").asString(""));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("it has no package id");
		}
		for (String member : new String[] { "from", "to", "case", "consent", "signature" }) {
			if (!node.path(member).isObject()) {
				throw new IllegalArgumentException("it has no " + member);
			}
		}
		if (node.path("from").path("instance").asString(null) == null
				|| node.path("signature").path("value").asString(null) == null) {
			throw new IllegalArgumentException("it names no signer or carries no signature");
		}
		try {
			UUID.fromString(node.path("from").path("caseId").asString(""));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("it does not name the sender's case");
		}
		return new HandoverPackage((ObjectNode) node);
	}
}
