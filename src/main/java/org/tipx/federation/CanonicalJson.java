package org.tipx.federation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one byte form of a JSON document that is signed and verified, after RFC 8785 (JCS): object members sorted by
 * their names' UTF-16 code units, no whitespace, strings escaped only where JSON requires it ({@code \b \f \n \r \t},
 * other control characters as a lower-case six-character escape, {@code "} and {@code \}), UTF-8. Numbers must be integers
 * (documents tipx signs hold no fractions), so no number formatting question arises. A document with a duplicated
 * member name is refused: two readers could disagree on which one counts.
 */
public final class CanonicalJson {

	private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();

	private CanonicalJson() {
	}

	/**
	 * Parses a document strictly.
	 *
	 * @throws IllegalArgumentException saying why it is not one JSON object
	 */
	public static JsonNode parse(String json) {
		try {
			JsonNode node = STRICT.readTree(json);
			if (node == null || !node.isObject()) {
				throw new IllegalArgumentException("it is not a JSON object");
			}
			return node;
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("it is not valid JSON (" + e.getOriginalMessage() + ")");
		}
	}

	/** The canonical bytes of {@code node}. */
	public static byte[] bytes(JsonNode node) {
		return text(node).getBytes(StandardCharsets.UTF_8);
	}

	/** The canonical text of {@code node}. */
	public static String text(JsonNode node) {
		StringBuilder out = new StringBuilder();
		write(node, out);
		return out.toString();
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node == null || node.isNull()) {
			out.append("null");
		}
		else if (node.isObject()) {
			List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
			members.sort(Map.Entry.comparingByKey());
			out.append('{');
			for (int i = 0; i < members.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				string(members.get(i).getKey(), out);
				out.append(':');
				write(members.get(i).getValue(), out);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			int i = 0;
			for (JsonNode value : node.values()) {
				if (i++ > 0) {
					out.append(',');
				}
				write(value, out);
			}
			out.append(']');
		}
		else if (node.isString()) {
			string(node.stringValue(), out);
		}
		else if (node.isBoolean()) {
			out.append(node.booleanValue());
		}
		else if (node.isIntegralNumber()) {
			out.append(node.bigIntegerValue());
		}
		else {
			throw new IllegalArgumentException("it holds a number with a fraction, which signed documents do not");
		}
	}

	private static void string(String value, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("%su%04x", "\\", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
