package org.tipx.platform;

import java.io.Serializable;
import java.util.List;

/**
 * A one-line confirmation shown at the top of the next page (for example after a redirect), by message key with
 * its arguments. Pages add it as the flash attribute {@link #ATTRIBUTE}.
 *
 * @param key       message key
 * @param arguments values for the message's placeholders, already readable text
 */
public record Confirmation(String key, List<String> arguments) implements Serializable {

	/** The model or flash attribute the layout shows. */
	public static final String ATTRIBUTE = "notice";

	public Confirmation {
		arguments = List.copyOf(arguments);
	}

	public static Confirmation of(String key, String... arguments) {
		return new Confirmation(key, List.of(arguments));
	}

	/** The arguments as MessageSource takes them. */
	public Object[] argumentArray() {
		return arguments.toArray();
	}
}
