package org.tipx.signals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Messaging and social platforms whose handles tipx understands.
 */
public enum Platform {
	TELEGRAM, WHATSAPP, LINE, WECHAT, ZALO, SIGNAL, FACEBOOK, INSTAGRAM, TIKTOK, VIBER;

	public String wire() {
		return name().toLowerCase();
	}

	public static Optional<Platform> fromWire(String name) {
		return Arrays.stream(values()).filter(p -> p.wire().equals(name)).findFirst();
	}

	public static List<String> wireNames() {
		return Arrays.stream(values()).map(Platform::wire).toList();
	}
}
