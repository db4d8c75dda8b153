package org.tipx.sharing;

import java.util.Arrays;
import java.util.List;

/**
 * Where an organisation's triage of an inbox item stands. Any state may follow any other: closing, acknowledging and
 * reopening (back to NEW) are all allowed.
 */
public enum InboxState {
	NEW, ACKNOWLEDGED, CLOSED;

	public static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}
}
