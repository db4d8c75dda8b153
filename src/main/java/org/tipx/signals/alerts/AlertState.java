package org.tipx.signals.alerts;

import java.util.Arrays;
import java.util.List;

/**
 * Where a focal point's triage of an alert stands.
 */
public enum AlertState {
	NEW, ACKNOWLEDGED, CLOSED;

	static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}
}
