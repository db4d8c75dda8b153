package org.tipx.recruitment.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.KnownIdentifiers.Identifier;
import org.tipx.signals.Platform;
import org.tipx.signals.canonical.Canonical;
import org.tipx.signals.canonical.Canonicalisers;
import org.tipx.signals.canonical.RawIndicator;

/**
 * Finds the contacts in a posting's text (phone numbers, e-mail addresses, links, Telegram/WhatsApp/Line handles) and
 * reduces them to the signal exchange's canonical forms, so that they match what reporters filed.
 */
public final class Contacts {

	/** A contact found: its canonical identifier and where it is in the plain text. */
	public record Found(Identifier identifier, int start, int end) {
	}

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[a-z]{2,}");

	private static final Pattern LINK = Pattern
		.compile("(?:https?://|www\\.|t\\.me/|wa\\.me/|line\\.me/)[^\\s<>\"'()]+");

	private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d[\\d\\s().-]{7,16}\\d(?!\\w)");

	private static final Pattern HANDLE = Pattern
		.compile("(telegram|tele|tg|whatsapp|wa|line|line id|wechat|zalo|signal|viber)\\s?(?:id)?\\s?[:：]?\\s?@?([a-z][a-z0-9_.]{3,31})(?![\\w@])");

	private static final Pattern AT_HANDLE = Pattern.compile("(?<![\\w.])@([a-z][a-z0-9_]{4,31})(?![\\w.@])");

	private final Canonicalisers canonicalisers;

	public Contacts(Canonicalisers canonicalisers) {
		this.canonicalisers = canonicalisers;
	}

	/** @param country where local phone numbers are read, or null */
	public List<Found> in(String plain, CountryCode country) {
		List<Found> found = new ArrayList<>();
		List<int[]> taken = new ArrayList<>();
		collect(found, taken, EMAIL.matcher(plain), IndicatorType.EMAIL, null, country, 0);
		collect(found, taken, LINK.matcher(plain), IndicatorType.URL, null, country, 0);
		collect(found, taken, PHONE.matcher(plain), IndicatorType.PHONE, null, country, 0);
		Matcher h = HANDLE.matcher(plain);
		while (h.find()) {
			Platform platform = platform(h.group(1));
			if (platform != null && !overlaps(taken, h.start(2), h.end(2))) {
				add(found, taken, IndicatorType.MESSAGING_HANDLE, h.group(2), platform, country, h.start(2), h.end(2));
			}
		}
		Matcher a = AT_HANDLE.matcher(plain);
		while (a.find()) {
			if (!overlaps(taken, a.start(), a.end())) {
				add(found, taken, IndicatorType.MESSAGING_HANDLE, a.group(), Platform.TELEGRAM, country, a.start(),
						a.end());
			}
		}
		return found;
	}

	private void collect(List<Found> found, List<int[]> taken, Matcher m, IndicatorType type, Platform platform,
			CountryCode country, int group) {
		while (m.find()) {
			if (!overlaps(taken, m.start(group), m.end(group))) {
				add(found, taken, type, m.group(group), platform, country, m.start(group), m.end(group));
			}
		}
	}

	private void add(List<Found> found, List<int[]> taken, IndicatorType type, String value, Platform platform,
			CountryCode country, int start, int end) {
		Canonical canonical = canonicalisers.canonicalise(new RawIndicator(type, value, platform, null, country));
		if (canonical.valid()) {
			found.add(new Found(new Identifier(type, canonical.canonical()), start, end));
			for (Canonical.Derived derived : canonical.derived()) {
				found.add(new Found(new Identifier(derived.type(), derived.canonical()), start, end));
			}
			taken.add(new int[] { start, end });
		}
	}

	private static boolean overlaps(List<int[]> taken, int start, int end) {
		return taken.stream().anyMatch(t -> start < t[1] && t[0] < end);
	}

	private static Platform platform(String word) {
		return switch (word) {
			case "telegram", "tele", "tg" -> Platform.TELEGRAM;
			case "whatsapp", "wa" -> Platform.WHATSAPP;
			case "line", "line id" -> Platform.LINE;
			case "wechat" -> Platform.WECHAT;
			case "zalo" -> Platform.ZALO;
			case "signal" -> Platform.SIGNAL;
			case "viber" -> Platform.VIBER;
			default -> null;
		};
	}
}
