package org.tipx.recruitment.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tipx.recruitment.Posting;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.Platform;
import org.tipx.signals.ReportSubmission.Identifier;

/**
 * The contacts a posting gives, as identifiers for the signal exchange: e-mail addresses, messaging links
 * ({@code t.me/...}, {@code wa.me/...}, {@code line.me/...}) and handles written next to the platform's name
 * ("Telegram @hr_desk"), other web links, and phone numbers. They are handed over as written; the exchange
 * reduces them to its canonical forms when the report is filed, so they match exactly as any other report's would.
 */
public final class Contacts {

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");

	private static final Pattern LINK = Pattern.compile(
			"(?i)\\b(?:https?://)?(?:www\\.)?(?:t\\.me|telegram\\.me|wa\\.me|line\\.me|api\\.whatsapp\\.com)/[^\\s<>\"')]+|https?://[^\\s<>\"')]+");

	private static final Pattern MESSAGING_LINK = Pattern.compile(
			"(?i)^(?:https?://)?(?:www\\.)?(?:t\\.me|telegram\\.me|wa\\.me|line\\.me|api\\.whatsapp\\.com)/.*");

	private static final Pattern HANDLE = Pattern.compile(
			"(?i)\\b(telegram|tele|tg|whatsapp|whats\\s?app|wa|line|wechat|zalo|signal|viber)\\s*(?:id|:|-)?\\s*:?\\s*@([A-Za-z0-9_.]{3,32})");

	private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{6,18}\\d");

	private Contacts() {
	}

	public static List<Identifier> of(Posting posting) {
		String text = String.join("\n", nonNull(posting.contact()), nonNull(posting.description()),
				nonNull(posting.title()), nonNull(posting.url()));
		Set<Identifier> found = new LinkedHashSet<>();
		String rest = text;
		Matcher email = EMAIL.matcher(rest);
		while (email.find()) {
			found.add(new Identifier(IndicatorType.EMAIL, email.group(), null));
		}
		rest = EMAIL.matcher(rest).replaceAll(" ");
		Matcher link = LINK.matcher(rest);
		while (link.find()) {
			String value = trimEnd(link.group());
			found.add(new Identifier(MESSAGING_LINK.matcher(value).matches() ? IndicatorType.MESSAGING_HANDLE
					: IndicatorType.URL, value, null));
		}
		rest = LINK.matcher(rest).replaceAll(" ");
		Matcher handle = HANDLE.matcher(rest);
		while (handle.find()) {
			found.add(new Identifier(IndicatorType.MESSAGING_HANDLE, "@" + handle.group(2), platform(handle.group(1))));
		}
		rest = HANDLE.matcher(rest).replaceAll(" ");
		Matcher phone = PHONE.matcher(rest);
		while (phone.find()) {
			String digits = phone.group().replaceAll("\\D", "");
			if (digits.length() >= 8 && digits.length() <= 15) {
				found.add(new Identifier(IndicatorType.PHONE, phone.group().strip(), null));
			}
		}
		return new ArrayList<>(found);
	}

	private static Platform platform(String word) {
		String w = word.toLowerCase(Locale.ROOT).replace(" ", "");
		return switch (w) {
			case "telegram", "tele", "tg" -> Platform.TELEGRAM;
			case "whatsapp", "wa" -> Platform.WHATSAPP;
			case "line" -> Platform.LINE;
			case "wechat" -> Platform.WECHAT;
			case "zalo" -> Platform.ZALO;
			case "signal" -> Platform.SIGNAL;
			default -> Platform.VIBER;
		};
	}

	private static String trimEnd(String link) {
		String value = link;
		while (!value.isEmpty() && ".,;:!?".indexOf(value.charAt(value.length() - 1)) >= 0) {
			value = value.substring(0, value.length() - 1);
		}
		return value;
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}
}
