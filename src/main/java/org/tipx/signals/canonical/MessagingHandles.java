package org.tipx.signals.canonical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Normalizer2;

import org.springframework.web.util.UriComponents;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;

/**
 * Handles on messaging and social platforms, written {@code platform:handle} ({@code telegram:recruiter},
 * {@code whatsapp:+85512345678}) so that equal names on different platforms never link. {@code @name},
 * {@code t.me/name} and {@code https://t.me/name} are one Telegram handle; profile links become handles and tell the
 * platform. Case is folded only where the platform documents that names ignore case; phone-number platforms
 * (WhatsApp, Viber, Zalo) hold the number in E.164 and derive it as a phone.
 */
final class MessagingHandles implements Canonicaliser {

	private static final Pattern WRITTEN = Pattern.compile("^(" + String.join("|", Platform.wireNames()) + "):(?!//)(.+)$");

	private static final Pattern LINK = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*://|[^/@\\s]+\\.[a-zA-Z]{2,}/).*",
			Pattern.DOTALL);

	private static final Pattern BARE_HOST = Pattern.compile("^[^\\s/@:]+\\.[a-zA-Z]{2,}$");

	private static final Pattern APP_LINK = Pattern.compile("^(tg|whatsapp|viber)://.*", Pattern.CASE_INSENSITIVE);

	private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

	private final Phones phones;

	MessagingHandles(Phones phones) {
		this.phones = phones;
	}

	@Override
	public IndicatorType type() {
		return IndicatorType.MESSAGING_HANDLE;
	}

	@Override
	public Canonical canonicalise(RawIndicator indicator) {
		Trail trail = new Trail(IndicatorType.MESSAGING_HANDLE);
		Platform platform = indicator.platform();
		String text = indicator.value();
		Matcher written = WRITTEN.matcher(text);
		if (written.matches()) {
			Platform named = Platform.fromWire(written.group(1)).orElseThrow();
			if (platform != null && platform != named) {
				return trail.invalid(text, "written as a " + named.wire() + " handle, but the platform given is "
						+ platform.wire());
			}
			platform = named;
			text = written.group(2);
		}
		else if (LINK.matcher(text).matches()
				|| BARE_HOST.matcher(text).matches() && ProfileLinks.isPlatformHost(text.toLowerCase(Locale.ROOT))) {
			Optional<ProfileLinks.Link> read = link(text);
			if (read.isEmpty()) {
				return trail.invalid(text, "a link, but not to a profile on a platform tipx reads: file it as url");
			}
			ProfileLinks.Link link = read.get();
			trail.detail("platform", link.platform().wire());
			if (link.refusal() != null) {
				return trail.invalid(text, link.refusal());
			}
			if (platform != null && platform != link.platform()) {
				return trail.invalid(text, "a " + name(link.platform()) + " link, but the platform given is "
						+ platform.wire());
			}
			platform = link.platform();
			text = link.handle();
			trail.step("read the " + name(platform) + " handle from the link");
		}
		if (platform == null) {
			return trail.invalid(text, "the platform cannot be told from the value: give the platform, one of "
					+ Platform.wireNames());
		}
		trail.detail("platform", platform.wire());
		HandleRule rule = HandleRule.of(platform);
		if (rule == HandleRule.PHONE || platform == Platform.SIGNAL && text.matches("^\\+?[0-9 ()\\-.]{6,}$")) {
			return phone(trail, platform, text, indicator);
		}
		return named(trail, platform, rule, text);
	}

	private Canonical phone(Trail trail, Platform platform, String text, RawIndicator indicator) {
		Canonical phone = phones.canonicalise(new RawIndicator(IndicatorType.PHONE, text, null, null,
				indicator.country()));
		trail.followed(phone);
		if (!phone.valid()) {
			return trail.invalid(platform.wire() + ":" + phone.canonical(),
					name(platform) + " accounts are phone numbers, and this one is not valid: " + phone.reason());
		}
		trail.detail("numberType", phone.details().get("numberType")).detail("region", phone.details().get("region"));
		trail.step("a " + name(platform) + " account is its phone number: derived the phone " + phone.canonical());
		trail.deriveFrom(phone);
		return trail.valid(platform.wire() + ":" + phone.canonical());
	}

	private static Canonical named(Trail trail, Platform platform, HandleRule rule, String text) {
		String handle = text;
		if (handle.startsWith("@") && !(platform == Platform.LINE && handle.length() > 1)) {
			handle = handle.substring(1);
			trail.step("removed the @ in front");
		}
		if (platform == Platform.LINE && handle.startsWith("~")) {
			handle = handle.substring(1);
			trail.step("removed the ~ that LINE links put in front of a LINE ID");
		}
		String mapped = NFKC.normalize(handle);
		if (!mapped.equals(handle)) {
			trail.step("mapped full-width or other compatibility characters to plain ones");
			handle = mapped;
		}
		if (!Lookalikes.isAscii(handle)) {
			StringBuilder latin = new StringBuilder();
			if (Lookalikes.latin(handle, latin)) {
				trail.detail("looksLike", latin.toString());
				return trail.invalid(platform.wire() + ":" + handle, "contains letters of another script that look "
						+ "like Latin ones (reads like " + latin + "); " + name(platform)
						+ " names use Latin letters only: check the original");
			}
			return trail.invalid(platform.wire() + ":" + handle, name(platform) + " names use Latin letters only");
		}
		if (platform == Platform.FACEBOOK && handle.matches("[0-9]{5,20}")) {
			handle = "id:" + handle;
			trail.step("all digits: a Facebook profile id");
		}
		if (!rule.shape().matcher(handle).matches()) {
			return trail.invalid(platform.wire() + ":" + handle, name(platform) + " names are " + rule.description());
		}
		if (rule.foldsCase() && !handle.equals(handle.toLowerCase(Locale.ROOT))) {
			handle = handle.toLowerCase(Locale.ROOT);
			trail.step("lower-cased: " + name(platform) + " names ignore case");
		}
		if (platform == Platform.FACEBOOK && handle.contains(".") && !handle.startsWith("id:")) {
			handle = handle.replace(".", "");
			trail.step("removed dots: Facebook ignores dots in usernames");
		}
		trail.detail("handle", handle);
		return trail.valid(platform.wire() + ":" + handle);
	}

	private static Optional<ProfileLinks.Link> link(String text) {
		UriComponents url = WebAddresses.parseLink(text);
		if (url == null) {
			return Optional.empty();
		}
		Map<String, List<String>> query = WebAddresses.queryParameters(url);
		if (APP_LINK.matcher(text).matches()) {
			return appLink(url.getScheme().toLowerCase(Locale.ROOT), query);
		}
		if (url.getHost() == null) {
			return Optional.empty();
		}
		List<String> segments = new ArrayList<>();
		for (String segment : url.getPathSegments()) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		return ProfileLinks.read(url.getHost().toLowerCase(Locale.ROOT), segments, query);
	}

	/** The app links the platforms document: tg://resolve?domain=, whatsapp://send?phone=, viber://chat?number=. */
	private static Optional<ProfileLinks.Link> appLink(String scheme, Map<String, List<String>> query) {
		Platform platform = Platform.fromWire(scheme.equals("tg") ? "telegram" : scheme).orElseThrow();
		String parameter = switch (platform) {
			case TELEGRAM -> "domain";
			case WHATSAPP -> "phone";
			default -> "number";
		};
		List<String> values = query.get(parameter);
		if (values == null || values.isEmpty() || values.get(0).isBlank()) {
			return Optional.of(ProfileLinks.Link.refused(platform, "a " + name(platform) + " app link that names no account"));
		}
		String value = values.get(0).strip();
		if (platform != Platform.TELEGRAM && !value.startsWith("+")) {
			value = "+" + value;
		}
		return Optional.of(ProfileLinks.Link.of(platform, value));
	}

	static String name(Platform platform) {
		return switch (platform) {
			case TELEGRAM -> "Telegram";
			case WHATSAPP -> "WhatsApp";
			case LINE -> "LINE";
			case WECHAT -> "WeChat";
			case ZALO -> "Zalo";
			case SIGNAL -> "Signal";
			case FACEBOOK -> "Facebook";
			case INSTAGRAM -> "Instagram";
			case TIKTOK -> "TikTok";
			case VIBER -> "Viber";
		};
	}
}
