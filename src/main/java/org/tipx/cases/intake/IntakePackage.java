package org.tipx.cases.intake;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.tipx.federation.CanonicalJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A public report as one installation pushes it to another ({@code format} {@value #FORMAT}): the intake's id at the
 * sender (never its reference, the reporter's secret), the coded fields, the countries told, the country it is
 * addressed to, the reporter's words encrypted to the receiving installation, and a detached signature of the sending
 * installation over the canonical JSON of everything else ({@code signature: {keyId, value}}).
 */
record IntakePackage(ObjectNode document) {

	static final String FORMAT = "tipx-intake/1";

	static final String ACKNOWLEDGEMENT_FORMAT = "tipx-intake-acknowledgement/1";

	/** What the signature covers: the canonical bytes of the document without its {@code signature} member. */
	byte[] signedBytes() {
		return signedBytes(document);
	}

	static byte[] signedBytes(ObjectNode document) {
		ObjectNode unsigned = document.deepCopy();
		unsigned.remove("signature");
		return CanonicalJson.bytes(unsigned);
	}

	String text() {
		return CanonicalJson.text(document);
	}

	UUID intakeId() {
		return UUID.fromString(document.path("intakeId").asString());
	}

	String fromInstance() {
		return document.path("from").path("instance").asString(null);
	}

	String signature() {
		return document.path("signature").path("value").asString(null);
	}

	/** What the encrypted words are bound to: the format, the intake and the installation they are encrypted to. */
	static byte[] wordsContext(UUID intakeId, String toInstance) {
		return (FORMAT + "/words/" + intakeId + "/" + toInstance).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Reads a pushed package.
	 *
	 * @throws IllegalArgumentException saying why it is not an intake package
	 */
	static IntakePackage parse(String text) {
		JsonNode node = CanonicalJson.parse(text);
		if (!node.isObject() || !FORMAT.equals(node.path("format").asString(null))) {
			throw new IllegalArgumentException("its format is not " + FORMAT);
		}
		try {
			UUID.fromString(node.path("intakeId").asString(""));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("it has no intake id");
		}
		for (String member : new String[] { "from", "to", "words", "signature" }) {
			if (!node.path(member).isObject()) {
				throw new IllegalArgumentException("it has no " + member);
			}
		}
		if (node.path("from").path("instance").asString(null) == null
				|| node.path("signature").path("value").asString(null) == null) {
			throw new IllegalArgumentException("it names no signer or carries no signature");
		}
		return new IntakePackage((ObjectNode) node);
	}
}
