package org.tipx.signals.canonical;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tipx.signals.Platform;

/**
 * Links to a person or account on a messaging or social platform ({@code t.me/name}, {@code wa.me/85512345678},
 * {@code instagram.com/name}), read back to the platform and the handle. Links that lead to something else (an
 * invite, a post, a short link) are recognised and refused with the reason, so that they are not mistaken for a
 * handle.
 */
final class ProfileLinks {

	private static final Set<String> TELEGRAM = Set.of("t.me", "telegram.me", "telegram.dog");

	private static final Set<String> FACEBOOK = Set.of("facebook.com", "fb.com");

	private static final Set<String> FACEBOOK_NOT_PROFILES = Set.of("groups", "pages", "events", "watch", "marketplace",
			"share", "sharer", "sharer.php", "photo", "photo.php", "story.php", "permalink.php", "login", "reel",
			"hashtag", "help", "privacy", "policies", "gaming", "stories");

	private static final Set<String> INSTAGRAM_NOT_PROFILES = Set.of("p", "reel", "reels", "tv", "explore", "accounts",
			"direct", "about", "legal");

	private ProfileLinks() {
	}

	/** A platform and a handle as written in the link (not yet canonical), or the reason the link names no handle. */
	record Link(Platform platform, String handle, String refusal) {

		static Link of(Platform platform, String handle) {
			return new Link(platform, handle, null);
		}

		static Link refused(Platform platform, String why) {
			return new Link(platform, null, why);
		}
	}

	/** Whether links to this host are read as profile links. */
	static boolean isPlatformHost(String host) {
		return platformOf(bare(host)) != null;
	}

	static Optional<Link> read(String host, List<String> segments, Map<String, List<String>> query) {
		String bare = bare(host);
		Platform platform = platformOf(bare);
		if (platform == null) {
			return Optional.empty();
		}
		String first = segments.isEmpty() ? "" : segments.get(0);
		return Optional.of(switch (platform) {
			case TELEGRAM -> telegram(bare, segments, first);
			case WHATSAPP -> whatsapp(bare, first, query);
			case LINE -> line(bare, segments);
			case FACEBOOK -> facebook(bare, segments, first, query);
			case INSTAGRAM -> instagram(segments, first);
			case TIKTOK -> tiktok(bare, first);
			case ZALO -> zalo(segments, first);
			case SIGNAL -> Link.refused(Platform.SIGNAL,
					"a Signal link hides the number or username; ask for the username as shown in the app");
			case VIBER -> Link.refused(Platform.VIBER, "a Viber invite link; ask for the phone number");
			case WECHAT -> Link.refused(Platform.WECHAT, "a WeChat link; ask for the WeChat ID");
		});
	}

	private static Link telegram(String host, List<String> segments, String first) {
		if (!TELEGRAM.contains(host)) {
			return Link.of(Platform.TELEGRAM, host.substring(0, host.indexOf('.')));
		}
		if (first.equals("s") && segments.size() > 1) {
			return Link.of(Platform.TELEGRAM, segments.get(1));
		}
		if (first.startsWith("+") || first.equals("joinchat")) {
			return Link.refused(Platform.TELEGRAM, "a private Telegram invite link, not a username: file it as url");
		}
		if (first.equals("c")) {
			return Link.refused(Platform.TELEGRAM, "a link to a message in a private Telegram chat, not a username");
		}
		if (first.isEmpty() || Set.of("share", "addstickers", "addemoji", "proxy", "socks", "iv", "setlanguage",
				"login", "bg", "addtheme", "invoice", "boost").contains(first)) {
			return Link.refused(Platform.TELEGRAM, "a Telegram link that names no username");
		}
		return Link.of(Platform.TELEGRAM, first);
	}

	private static Link whatsapp(String host, String first, Map<String, List<String>> query) {
		if (host.equals("chat.whatsapp.com")) {
			return Link.refused(Platform.WHATSAPP, "a WhatsApp group invite link, not a number: file it as url");
		}
		if (host.equals("wa.me") && first.matches("\\+?[0-9]{5,20}")) {
			return Link.of(Platform.WHATSAPP, first.startsWith("+") ? first : "+" + first);
		}
		List<String> phone = query.get("phone");
		if (phone != null && !phone.isEmpty() && !phone.get(0).isBlank()) {
			String digits = phone.get(0).strip();
			return Link.of(Platform.WHATSAPP, digits.startsWith("+") ? digits : "+" + digits);
		}
		return Link.refused(Platform.WHATSAPP, "a WhatsApp link without a phone number");
	}

	private static Link line(String host, List<String> segments) {
		if (host.equals("lin.ee")) {
			return Link.refused(Platform.LINE, "a LINE short link: open it to find the LINE ID");
		}
		if (host.equals("page.line.me") && !segments.isEmpty()) {
			return Link.of(Platform.LINE, "@" + segments.get(0));
		}
		int p = segments.indexOf("p");
		if (p > 0 && segments.get(p - 1).equals("ti") && p + 1 < segments.size()) {
			String id = segments.get(p + 1);
			if (id.startsWith("~") || id.startsWith("@") || id.startsWith("%40")) {
				return Link.of(Platform.LINE, id.replace("%40", "@"));
			}
			return Link.refused(Platform.LINE, "a LINE QR-code link: it names no LINE ID");
		}
		return Link.refused(Platform.LINE, "a LINE link that names no LINE ID");
	}

	private static Link facebook(String host, List<String> segments, String first, Map<String, List<String>> query) {
		if (first.equals("profile.php")) {
			List<String> id = query.get("id");
			return id == null || id.isEmpty() ? Link.refused(Platform.FACEBOOK, "a Facebook link without a profile id")
					: Link.of(Platform.FACEBOOK, "id:" + id.get(0));
		}
		if (first.equals("people") && segments.size() > 2) {
			return Link.of(Platform.FACEBOOK, "id:" + segments.get(2));
		}
		if (first.isEmpty() || FACEBOOK_NOT_PROFILES.contains(first)) {
			return Link.refused(Platform.FACEBOOK, "a Facebook link to a group, page or post, not a profile: file it as url");
		}
		return Link.of(Platform.FACEBOOK, first);
	}

	private static Link instagram(List<String> segments, String first) {
		if (first.equals("stories") && segments.size() > 1) {
			return Link.of(Platform.INSTAGRAM, segments.get(1));
		}
		if (first.isEmpty() || INSTAGRAM_NOT_PROFILES.contains(first)) {
			return Link.refused(Platform.INSTAGRAM, "an Instagram link to a post or page, not a profile: file it as url");
		}
		return Link.of(Platform.INSTAGRAM, first);
	}

	private static Link tiktok(String host, String first) {
		if (!host.equals("tiktok.com")) {
			return Link.refused(Platform.TIKTOK, "a TikTok short link: open it to find the @username");
		}
		if (first.startsWith("@") && first.length() > 1) {
			return Link.of(Platform.TIKTOK, first.substring(1));
		}
		return Link.refused(Platform.TIKTOK, "a TikTok link that names no @username");
	}

	private static Link zalo(List<String> segments, String first) {
		if (first.matches("\\+?[0-9]{5,20}")) {
			// Zalo links carry the number as dialled at home (zalo.me/0912345678): read it with the reporter's country.
			return Link.of(Platform.ZALO, first);
		}
		if (first.equals("g")) {
			return Link.refused(Platform.ZALO, "a Zalo group invite link, not a number: file it as url");
		}
		return Link.refused(Platform.ZALO, "a Zalo link that names no phone number");
	}

	private static Platform platformOf(String host) {
		if (TELEGRAM.contains(host) || host.endsWith(".t.me") && host.indexOf('.') == host.length() - 5) {
			return Platform.TELEGRAM;
		}
		if (host.equals("wa.me") || host.equals("api.whatsapp.com") || host.equals("whatsapp.com")
				|| host.equals("chat.whatsapp.com")) {
			return Platform.WHATSAPP;
		}
		if (host.equals("line.me") || host.equals("page.line.me") || host.equals("lin.ee")) {
			return Platform.LINE;
		}
		if (FACEBOOK.contains(host)) {
			return Platform.FACEBOOK;
		}
		if (host.equals("instagram.com")) {
			return Platform.INSTAGRAM;
		}
		if (host.equals("tiktok.com") || host.equals("vm.tiktok.com") || host.equals("vt.tiktok.com")) {
			return Platform.TIKTOK;
		}
		if (host.equals("zalo.me")) {
			return Platform.ZALO;
		}
		if (host.equals("signal.me")) {
			return Platform.SIGNAL;
		}
		if (host.equals("invite.viber.com")) {
			return Platform.VIBER;
		}
		if (host.equals("u.wechat.com")) {
			return Platform.WECHAT;
		}
		return null;
	}

	private static String bare(String host) {
		for (String prefix : List.of("www.", "m.", "mobile.", "web.", "mbasic.")) {
			if (host.startsWith(prefix) && host.length() > prefix.length() + 3) {
				return host.substring(prefix.length());
			}
		}
		return host;
	}
}
