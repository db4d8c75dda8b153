package org.tipx.platform.web;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The rules every text tipx takes in follows, in one place: no control characters (see {@link ControlCharacters})
 * and a maximum length by field name ({@link #LIMITS}; {@value #DEFAULT_LIMIT} characters for any other field). As a
 * Jackson module it checks every string of a JSON request body as it is read, wherever it sits (a field, a list
 * element, a map key or value), and stops reading with {@link RefusedText}, which carries the JSON path, so the
 * caller gets a 400 naming the field and nothing is stored. {@link PlainParameters} applies the same limits to query
 * and form parameters. Services may check tighter limits of their own (a token's name, a device's name).
 */
final class TextLimits extends SimpleModule {

	/** The longest text any field without a limit of its own accepts (a report's description). */
	static final int DEFAULT_LIMIT = 20_000;

	/** Maximum length in characters by field or parameter name. */
	static final Map<String, Integer> LIMITS = Map.ofEntries(
			Map.entry("username", 200), Map.entry("password", 200), Map.entry("currentPassword", 200),
			Map.entry("newPassword", 200), Map.entry("repeatedPassword", 200), Map.entry("temporaryPassword", 200),
			Map.entry("displayName", 200), Map.entry("name", 200), Map.entry("title", 300),
			Map.entry("description", 20_000), Map.entry("reason", 2_000), Map.entry("note", 2_000),
			Map.entry("value", 2_000), Map.entry("canonical", 2_000), Map.entry("url", 2_000),
			Map.entry("email", 254), Map.entry("phone", 40), Map.entry("website", 2_000), Map.entry("hours", 200),
			Map.entry("interpreterName", 200), Map.entry("interpreterOrganisation", 200), Map.entry("q", 300),
			Map.entry("actor", 200), Map.entry("action", 100),
			// the lookup page's pasted list: up to 1,000 values, one a line
			Map.entry("values", 200_000));

	TextLimits() {
		super("tipx-text-limits");
		addDeserializer(String.class, new CheckedStrings());
		addKeyDeserializer(String.class, new CheckedKeys());
	}

	/** The longest text the field or parameter {@code name} takes. */
	static int limitOf(String name) {
		return name == null ? DEFAULT_LIMIT : LIMITS.getOrDefault(name, DEFAULT_LIMIT);
	}

	/** Why {@code text} in field {@code name} is refused, or null when it is fine. */
	static String refusal(String name, String text) {
		int control = ControlCharacters.firstIn(text);
		if (control >= 0) {
			return ControlCharacters.refusal(control);
		}
		int limit = limitOf(name);
		return text.length() > limit ? "must be at most " + String.format("%,d", limit) + " characters" : null;
	}

	private static String check(JsonParser parser, String name, String text) {
		if (text == null) {
			return null;
		}
		String refusal = refusal(name, text);
		if (refusal != null) {
			throw new RefusedText(parser, refusal, text);
		}
		return text;
	}

	/** The standard string reading, then the check under the name of the field (or of the list) it is in. */
	private static final class CheckedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			TokenStreamContext at = parser.streamReadContext();
			String name = at.inArray() && at.getParent() != null ? at.getParent().currentName() : at.currentName();
			return check(parser, name, super.deserialize(parser, context));
		}
	}

	private static final class CheckedKeys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			return check(context.getParser(), null, key);
		}
	}

	/** A string refused by the rules; its message is the reason, worded to follow the field's name. */
	static final class RefusedText extends InvalidFormatException {

		private final String reason;

		RefusedText(JsonParser parser, String reason, String text) {
			super(parser, reason, text.length() > 40 ? text.substring(0, 40) : text, String.class);
			this.reason = reason;
		}

		String reason() {
			return reason;
		}
	}
}
