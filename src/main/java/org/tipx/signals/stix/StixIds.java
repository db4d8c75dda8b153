package org.tipx.signals.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * STIX identifiers. Cyber-observables get the deterministic id of STIX 2.1 §2.9: a UUIDv5 in the STIX namespace over
 * the canonical JSON (RFC 8785) of the type's id-contributing properties, so any producer that follows the
 * specification (another tipx, OpenCTI, the OASIS stix2 library) names the same identifier alike. Objects tipx makes
 * from its own reports (indicators) get UUIDv5 ids in tipx's own namespace, so exporting a report twice gives the
 * same ids, which a TAXII client needs to recognise versions.
 */
public final class StixIds {

	/** The namespace STIX 2.1 §2.9 fixes for cyber-observable ids. */
	public static final UUID STIX_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

	/** tipx's namespace for the ids of domain objects it derives from its reports. */
	static final UUID TIPX_NAMESPACE = UUID.fromString("72ea5778-55f6-411b-beae-e002dec9447d");

	private StixIds() {
	}

	/** The deterministic id of a cyber-observable of {@code type} whose id-contributing properties are given. */
	public static String observable(String type, Map<String, String> contributing) {
		return type + "--" + uuid5(STIX_NAMESPACE, canonicalJson(contributing));
	}

	/** A stable id for an object tipx derives, named by the parts that make it unique. */
	static String derived(String type, String... parts) {
		return type + "--" + uuid5(TIPX_NAMESPACE, type + "/" + String.join("/", parts));
	}

	/** RFC 8785 canonical JSON of a flat object of strings: keys sorted, no white space, minimal escaping. */
	static String canonicalJson(Map<String, String> properties) {
		StringBuilder json = new StringBuilder("{");
		for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
			if (json.length() > 1) {
				json.append(',');
			}
			string(json, entry.getKey());
			json.append(':');
			string(json, entry.getValue());
		}
		return json.append('}').toString();
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	static UUID uuid5(UUID namespace, String name) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			ByteBuffer ns = ByteBuffer.allocate(16);
			ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
			sha1.update(ns.array());
			byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
			hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
			hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
			ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
			return new UUID(bytes.getLong(), bytes.getLong());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
		}
	}
}
