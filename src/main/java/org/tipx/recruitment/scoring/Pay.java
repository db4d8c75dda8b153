package org.tipx.recruitment.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pay offers in a posting ("USD 1,500", "15 juta", "25-30 triệu", "2万", "1.8k", "฿35,000", "800$/tháng") in the
 * ten currencies of the region, turns them into US dollars a month, and compares them with the market reference for
 * entry-level work in a country ({@code recruitment/market.tsv}, rates in {@code recruitment/currencies.tsv}).
 * A bare number is never read as pay: it needs a currency or a word for a large quantity (juta, triệu, 万).
 */
public final class Pay {

	/** An offer this many times the entry-level reference is "far above market". */
	public static final double FAR_ABOVE = 2.5;

	/** An amount found: US dollars a month and where it is in the plain text. */
	public record Offer(double usdPerMonth, String currency, int start, int end) {
	}

	private static final String CUR_BEFORE = "us\\$|usd|\\$|rp\\.?|idr|thb|฿|php|₱|myr|rm|rmb|cny|¥|khr|៛|lak|₭|mmk|vnd|₫|aed";

	private static final String NUMBER = "\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?";

	private static final String MULT = "k|juta|jt|triệu|tr|万|萬|千|ribu|rb|nghìn|ngàn|ล้าน|หมื่น|พัน|million|lakh|သိန်း";

	private static final String CUR_AFTER = "usdt|usd|dollars?|美金|美元|ดอลลาร์|ဒေါ်လာ|ដុល្លារ|ໂດລາ|泰铢|泰銖|รูเปียห์|ກີບ|រៀល|đô|baht|บาท|thb|rupiah|idr|vnd|đồng|dong|đ|₫|pesos?|php|ringgit|myr|rm|yuan|元|人民币|rmb|riels?|khr|៛|kip|lak|₭|kyats?|ကျပ်|mmk|aed|dirhams?|\\$";

	private static final Pattern AMOUNT = Pattern.compile("(?<![\\p{L}\\d])(?:(?<pre>" + CUR_BEFORE + ")\\s?)?(?<num>"
			+ NUMBER + ")(?:\\s?(?:-|–|~|to|đến|hingga|sampai|ถึง|至|到)\\s?(?:" + CUR_BEFORE + ")?\\s?(?<num2>" + NUMBER
			+ "))?\\s?(?<mult>" + MULT + ")?\\s?(?<post>" + CUR_AFTER + ")?(?![\\p{IsLatin}\\d])");

	private static final Pattern DAY = Pattern.compile("^\\W{0,3}(?:/|per |a |mỗi |một |ต่อ|bawat |kada |每)?\\s?"
			+ "(?:day|daily|hari|ngày|วัน|天|日|araw|ថ្ងៃ|ວັນ|ရက်)");

	private static final Pattern WEEK = Pattern.compile("^\\W{0,3}(?:/|per |a |mỗi |ต่อ|每)?\\s?(?:week|minggu|tuần|สัปดาห์|周|linggo)");

	private static final Pattern YEAR = Pattern.compile("^\\W{0,3}(?:/|per |a |mỗi |ต่อ|每)?\\s?(?:year|annum|tahun|năm|ปี|年|taon)");

	private static final Pattern HOUR = Pattern.compile("^\\W{0,3}(?:/|per |an |mỗi |ต่อ|每)?\\s?(?:hour|hr|jam|giờ|ชั่วโมง|小时|oras)");

	private static final Pattern DAY_BEFORE = Pattern.compile("(?:วันละ|日薪|日结|每天|sehari|per day|daily|mỗi ngày)\\s?\\S{0,2}\\s?$");

	private static final Map<String, String> DEFAULT_CURRENCY = Map.of("id", "IDR", "ms", "MYR", "vi", "VND", "th",
			"THB", "tl", "PHP", "zh", "CNY", "km", "USD", "lo", "LAK", "my", "MMK", "en", "USD");

	private final Map<String, Double> usdPerUnit;

	private final Map<String, Double> entryReference;

	private Pay(Map<String, Double> usdPerUnit, Map<String, Double> entryReference) {
		this.usdPerUnit = usdPerUnit;
		this.entryReference = entryReference;
	}

	public static Pay load() {
		Map<String, Double> rates = new HashMap<>();
		table("/recruitment/currencies.tsv", p -> rates.put(p[0], Double.parseDouble(p[1])));
		Map<String, Double> market = new HashMap<>();
		table("/recruitment/market.tsv", p -> market.put(p[0] + "/" + p[1], Double.parseDouble(p[2])));
		return new Pay(Map.copyOf(rates), Map.copyOf(market));
	}

	/** The entry-level reference for a country, in US dollars a month. */
	public Optional<Double> entryReference(String country) {
		return Optional.ofNullable(entryReference.get(country + "/entry"));
	}

	/** The highest offer in {@code plain} (a plain view), reading currency-less amounts in the language's currency. */
	public Optional<Offer> highestOffer(String plain, String language) {
		Matcher m = AMOUNT.matcher(plain);
		Offer best = null;
		while (m.find()) {
			String pre = m.group("pre");
			String post = m.group("post");
			String mult = m.group("mult");
			if (pre == null && post == null && mult == null) {
				continue;
			}
			if (pre == null && post == null && (mult.equals("k") || mult.equals("tr"))) {
				continue;
			}
			String currency = currency(pre != null ? pre : post, language);
			Double rate = usdPerUnit.get(currency);
			if (rate == null) {
				continue;
			}
			double amount = number(m.group("num2") != null ? m.group("num2") : m.group("num")) * multiplier(mult);
			double per = DAY_BEFORE.matcher(plain.substring(Math.max(0, m.start() - 10), m.start())).find() ? 26
					: period(plain.substring(m.end(), Math.min(plain.length(), m.end() + 14)));
			double monthly = amount * rate * per;
			if (monthly > 0 && (best == null || monthly > best.usdPerMonth())) {
				best = new Offer(monthly, currency, m.start(), m.end());
			}
		}
		return Optional.ofNullable(best);
	}

	private String currency(String token, String language) {
		if (token == null) {
			return DEFAULT_CURRENCY.getOrDefault(language, "USD");
		}
		String t = token.toLowerCase(Locale.ROOT).replace(".", "");
		return switch (t) {
			case "us$", "usd", "$", "dollar", "dollars", "đô", "usdt", "美金", "美元", "ดอลลาร์", "ဒေါ်လာ", "ដុល្លារ", "ໂດລາ" -> "USD";
			case "rp", "idr", "rupiah" -> "IDR";
			case "thb", "฿", "baht", "บาท", "泰铢", "泰銖" -> "THB";
			case "php", "₱", "peso", "pesos" -> "PHP";
			case "myr", "rm", "ringgit" -> "MYR";
			case "rmb", "cny", "¥", "yuan", "元", "人民币" -> "CNY";
			case "khr", "៛", "riel", "riels", "រៀល" -> "KHR";
			case "lak", "₭", "kip", "ກີບ" -> "LAK";
			case "mmk", "kyat", "kyats", "ကျပ်" -> "MMK";
			case "vnd", "₫", "đ", "đồng", "dong" -> "VND";
			case "aed", "dirham", "dirhams" -> "AED";
			default -> DEFAULT_CURRENCY.getOrDefault(language, "USD");
		};
	}

	private static double number(String s) {
		if (s.matches("\\d{1,3}(?:[.,]\\d{3})+")) {
			return Double.parseDouble(s.replace(".", "").replace(",", ""));
		}
		return Double.parseDouble(s.replace(',', '.'));
	}

	private static double multiplier(String mult) {
		if (mult == null) {
			return 1;
		}
		return switch (mult) {
			case "k", "ribu", "rb", "nghìn", "ngàn", "千", "พัน" -> 1_000;
			case "万", "萬", "หมื่น" -> 10_000;
			case "lakh", "သိန်း" -> 100_000;
			default -> 1_000_000;
		};
	}

	private static double period(String after) {
		if (DAY.matcher(after).find()) {
			return 26;
		}
		if (WEEK.matcher(after).find()) {
			return 4.33;
		}
		if (HOUR.matcher(after).find()) {
			return 176;
		}
		if (YEAR.matcher(after).find()) {
			return 1.0 / 12;
		}
		return 1;
	}

	private static void table(String resource, java.util.function.Consumer<String[]> row) {
		try (InputStream in = Pay.class.getResourceAsStream(resource)) {
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					row.accept(line.split("\t"));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
