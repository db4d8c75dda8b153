package org.tipx.shared;

import java.util.Arrays;
import java.util.List;

/**
 * Traffic Light Protocol 2.0 markings. Who may see a marked item is decided by the module that holds it; the
 * marking itself travels with the item everywhere, including into counts and correlations.
 */
public enum Tlp {
	/** Anyone; may be published outside tipx. */
	CLEAR,
	/** Every account in tipx; not to be published outside it. */
	GREEN,
	/** The originating organisation, its sharing group and the named recipients. */
	AMBER,
	/** The originating organisation only. */
	AMBER_STRICT,
	/** The originating organisation and the named recipient organisations only. */
	RED;

	public static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}
}
