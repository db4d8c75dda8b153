package org.tipx.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Checks every string of every JSON request body as it is read, wherever it sits (a field, a list element, a map key
 * or value): no control characters (see {@link ControlCharacters}) and at most {@value #MAX_LENGTH} characters, the
 * longest free text any call takes; fields with a lower limit check it themselves. A refused string stops reading
 * with {@link RefusedText}, which carries the JSON path, so the caller gets a 400 naming the field and nothing is
 * stored.
 */
final class TextLimits extends SimpleModule {

	/** The longest string any JSON call accepts (a report's description). */
	static final int MAX_LENGTH = 20_000;

	TextLimits() {
		super("tipx-text-limits");
		addDeserializer(String.class, new CheckedStrings());
		addKeyDeserializer(String.class, new CheckedKeys());
	}

	static String check(JsonParser parser, String text) {
		if (text == null) {
			return null;
		}
		int control = ControlCharacters.firstIn(text);
		if (control >= 0) {
			throw new RefusedText(parser, ControlCharacters.refusal(control), text);
		}
		if (text.length() > MAX_LENGTH) {
			throw new RefusedText(parser, "must be at most " + String.format("%,d", MAX_LENGTH) + " characters", text);
		}
		return text;
	}

	/** The standard string reading, then the check. */
	private static final class CheckedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			return check(parser, super.deserialize(parser, context));
		}
	}

	private static final class CheckedKeys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			return check(context.getParser(), key);
		}
	}

	/** A string refused by the rule; its message is the reason, worded to follow the field's name. */
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
