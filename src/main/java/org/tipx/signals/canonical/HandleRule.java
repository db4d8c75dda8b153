package org.tipx.signals.canonical;

import java.util.regex.Pattern;

import org.tipx.signals.Platform;

/**
 * What a name looks like on each platform, and whether the platform ignores its case. Case is folded only where the
 * platform says names ignore it (Telegram, Instagram, TikTok, Facebook, LINE IDs, Signal usernames); WeChat does not
 * say, so its IDs keep their case and a differently-cased ID does not link.
 */
enum HandleRule {

	TELEGRAM("^[A-Za-z][A-Za-z0-9_]{3,31}$", true, "4 to 32 Latin letters, digits and underscores, starting with a letter"),
	INSTAGRAM("^[A-Za-z0-9._]{1,30}$", true, "up to 30 letters, digits, dots and underscores"),
	TIKTOK("^[A-Za-z0-9._]{2,24}$", true, "2 to 24 letters, digits, dots and underscores"),
	FACEBOOK("^(id:[0-9]{5,20}|[A-Za-z0-9.]{5,50})$", true, "at least 5 letters, digits and dots, or a numeric id"),
	LINE("^@?[A-Za-z0-9._\\-]{3,20}$", true, "up to 20 letters, digits, dots, hyphens and underscores"),
	WECHAT("^[A-Za-z][A-Za-z0-9_\\-]{5,19}$", false, "6 to 20 letters, digits, hyphens and underscores, starting with a letter"),
	SIGNAL("^[A-Za-z_][A-Za-z0-9_]{2,31}\\.[0-9]{2,9}$", true, "a nickname, a dot and at least two digits (name.01)"),
	PHONE(".*", false, "phone numbers");

	private final Pattern shape;

	private final boolean foldsCase;

	private final String description;

	HandleRule(String shape, boolean foldsCase, String description) {
		this.shape = Pattern.compile(shape);
		this.foldsCase = foldsCase;
		this.description = description;
	}

	static HandleRule of(Platform platform) {
		return switch (platform) {
			case TELEGRAM -> TELEGRAM;
			case INSTAGRAM -> INSTAGRAM;
			case TIKTOK -> TIKTOK;
			case FACEBOOK -> FACEBOOK;
			case LINE -> LINE;
			case WECHAT -> WECHAT;
			case SIGNAL -> SIGNAL;
			case WHATSAPP, VIBER, ZALO -> PHONE;
		};
	}

	Pattern shape() {
		return shape;
	}

	boolean foldsCase() {
		return foldsCase;
	}

	String description() {
		return description;
	}
}
