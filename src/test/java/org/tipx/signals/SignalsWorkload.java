package org.tipx.signals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A realistic import file for the signals benchmark, made deterministically from its size: five indicators per report
 * (phone, Telegram handle, wallet, e-mail, and a URL or a bank account), written the ways people type them, every value
 * unique unless planted. Planted: networks of 2, 3, 5 and 10 reports in every block of 100 (consecutive members share
 * one value, a phone or a wallet, spelled differently each time; one network in ten crosses borders), and noise that
 * must not link: warning-listed values (a USDT token contract, bit.ly links, gmail.com as a domain) and one hotline
 * number on one report in 200, which the link cap must catch. Unique phones stay unique up to about 3 million reports.
 */
final class SignalsWorkload {

	static final String HEADER = "report_key,title,category,tlp,reporter_country,observed_at,type,value,platform,chain";

	/** Mobile numbers that parse as real ones: region, calling code, national prefix, subscriber digits. */
	private static final String[][] MOBILES = { { "ID", "62", "812", "8" }, { "TH", "66", "81", "7" },
			{ "KH", "855", "12", "6" }, { "MM", "95", "9250", "6" }, { "PH", "63", "917", "7" },
			{ "VN", "84", "91", "7" }, { "MY", "60", "12", "7" }, { "LA", "856", "20", "8" } };

	/** Network sizes planted in each block of 100 reports; the rest of the block are singletons. */
	static final int[] PLANTED = { 2, 3, 5, 10 };

	static final String HOTLINE = "+66 81 000 1111";

	private static final String[] CATEGORIES = { "SCAM_COMPOUND", "RECRUITMENT_FRAUD", "INVESTMENT_FRAUD",
			"ROMANCE_FRAUD", "MONEY_MULE" };

	private static final String[] SYLLABLES = { "ka", "ri", "so", "tan", "mee", "lo", "win", "ja", "pra", "nu", "chai",
			"dee" };

	private final int reports;

	SignalsWorkload(int reports) {
		this.reports = reports;
	}

	/** Network sizes the file plants, with how many networks of each size (singletons included). */
	Map<Integer, Long> plantedSizes() {
		Map<Integer, Long> sizes = new TreeMap<>();
		for (int r = 0; r < reports;) {
			int inBlock = r % 100;
			int size = 1;
			int start = 0;
			for (int planted : PLANTED) {
				if (inBlock >= start && inBlock < start + planted) {
					size = inBlock == start && r + planted <= reports ? planted : 1;
					break;
				}
				start += planted;
			}
			sizes.merge(size, 1L, Long::sum);
			r += size;
		}
		return sizes;
	}

	/** Writes the file; returns how many indicator rows it has. */
	long write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		long rows = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(HEADER);
			out.write('\n');
			for (int r = 0; r < reports; r++) {
				rows += report(r, out);
			}
		}
		return rows;
	}

	private int report(int r, BufferedWriter out) throws IOException {
		SplittableRandom random = new SplittableRandom(r * 0x9E3779B97F4A7C15L);
		Member member = member(r);
		String country = MOBILES[r % MOBILES.length][0];
		if (member != null && member.network() % 10 != 0) {
			country = MOBILES[member.first() % MOBILES.length][0];
		}
		LocalDate observed = LocalDate.of(2025, 1, 1).plusDays(member == null ? r % 600 : member.first() % 600
				+ member.index());
		int roll = random.nextInt(100);
		String tlp = roll < 10 ? "CLEAR" : roll < 70 ? "GREEN" : roll < 95 ? "AMBER" : "RED";
		String head = "r" + r + ",\"Report " + r + " " + word(random) + " " + word(random) + "\","
				+ CATEGORIES[random.nextInt(CATEGORIES.length)] + "," + tlp + "," + country + "," + observed + ",";
		String phone = phone(r / MOBILES.length, r % MOBILES.length, country, random);
		String wallet = wallet(r, random);
		if (member != null) {
			// link to the previous member and to the next one: one by phone, the other by wallet
			int link = member.index();
			for (int side = 0; side < 2; side++) {
				int l = link - 1 + side;
				if (l < 0 || l >= member.size() - 1) {
					continue;
				}
				long linkId = (long) member.network() * 10 + l;
				if (l % 2 == 0) {
					int mobile = (int) (linkId % MOBILES.length);
					phone = phone(500_000 + (int) (linkId / MOBILES.length), mobile, "", random);
				}
				else {
					wallet = wallet(1_000_000_000L + linkId, random);
				}
			}
		}
		if (r % 200 == 150) {
			phone = HOTLINE;
		}
		if (r % 50 == 27) {
			wallet = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
		}
		String fifth;
		String fifthType;
		if (r % 40 == 5) {
			fifthType = "domain";
			fifth = random.nextBoolean() ? "Gmail.com" : "bit.ly";
		}
		else if (r % 3 == 0) {
			fifthType = "bank_account";
			fifth = bank(r, random);
		}
		else {
			fifthType = "url";
			fifth = url(r, random);
		}
		out.write(head + "phone,\"" + phone + "\",,\n");
		out.write(head + "messaging_handle,\"" + handle(r, random) + "\",telegram,\n");
		out.write(head + "crypto_address,\"" + wallet + "\",,\n");
		out.write(head + "email,\"" + email(r, random) + "\",,\n");
		out.write(head + fifthType + ",\"" + fifth + "\",,\n");
		return 5;
	}

	/** The planted network a report is in, or null if it is a singleton. */
	static Member member(int r) {
		int inBlock = r % 100;
		int start = 0;
		for (int p = 0; p < PLANTED.length; p++) {
			int size = PLANTED[p];
			if (inBlock < start + size) {
				int first = r - (inBlock - start);
				return new Member((r / 100) * PLANTED.length + p, first, inBlock - start, size);
			}
			start += size;
		}
		return null;
	}

	/** A report's place in a planted network: the network, its first report, the member's index and the size. */
	record Member(int network, int first, int index, int size) {
	}

	/** A unique mobile number for index k in a country, spelled one of six ways. */
	static String phone(int k, int mobile, String reporterCountry, SplittableRandom random) {
		String[] m = MOBILES[mobile];
		int digits = Integer.parseInt(m[3]);
		long modulus = (long) Math.pow(10, digits);
		long subscriber = (k * 7_919L + 123_457L) % modulus;
		String national = m[2] + String.format("%0" + digits + "d", subscriber);
		boolean home = m[0].equals(reporterCountry);
		return switch (random.nextInt(home ? 6 : 4)) {
			case 0 -> "+" + m[1] + " " + national.substring(0, 3) + " " + national.substring(3);
			case 1 -> "00" + m[1] + national;
			case 2 -> "+" + m[1] + "-" + national.substring(0, 3) + "-" + national.substring(3);
			case 3 -> "+" + m[1] + national;
			case 4 -> "0" + national;
			default -> "(0" + national.substring(0, 3) + ") " + national.substring(3);
		};
	}

	private static String wallet(long id, SplittableRandom random) {
		SplittableRandom bytes = new SplittableRandom(id * 0xD1B54A32D192ED03L + 17);
		byte[] hash = new byte[20];
		for (int i = 0; i < hash.length; i++) {
			hash[i] = (byte) bytes.nextInt(256);
		}
		String hex = HexFormat.of().formatHex(hash);
		return switch (random.nextInt(3)) {
			case 0 -> "0x" + hex;
			case 1 -> " 0x" + hex + " ";
			default -> "0x" + hex.substring(0, 20) + hex.substring(20);
		};
	}

	private static String handle(int r, SplittableRandom random) {
		String name = SYLLABLES[r % SYLLABLES.length] + SYLLABLES[(r / 12) % SYLLABLES.length] + "_"
				+ Integer.toString(r, 36) + "x";
		return switch (random.nextInt(4)) {
			case 0 -> "@" + name;
			case 1 -> "t.me/" + name;
			case 2 -> "https://t.me/" + name.toUpperCase();
			default -> "https://telegram.me/" + name + "/";
		};
	}

	private static String email(int r, SplittableRandom random) {
		String user = SYLLABLES[r % SYLLABLES.length] + "." + SYLLABLES[(r / 12) % SYLLABLES.length]
				+ Integer.toString(r, 36);
		return switch (random.nextInt(4)) {
			case 0 -> user + "@gmail.com";
			case 1 -> user.replace(".", "") + "+job" + random.nextInt(9) + "@googlemail.com";
			case 2 -> user.toUpperCase() + "@kerja-" + Integer.toString(r, 36) + ".com";
			default -> " " + user + "@yahoo.com ";
		};
	}

	private static String url(int r, SplittableRandom random) {
		String host = "kerja-" + Integer.toString(r, 36) + ".xyz";
		String path = "/apply/" + SYLLABLES[r % SYLLABLES.length] + "?id=" + r;
		return switch (random.nextInt(4)) {
			case 0 -> "https://" + host + path + "&utm_source=facebook&utm_medium=ads&fbclid=IwAR" + r;
			case 1 -> "HTTP://WWW." + host.toUpperCase() + ":80" + path + "#form";
			case 2 -> host + path;
			default -> "https://bit.ly/" + Integer.toString(r, 36);
		};
	}

	private static String bank(int r, SplittableRandom random) {
		String digits = String.format("%010d", (r * 48_271L + 11L) % 10_000_000_000L);
		return random.nextBoolean() ? digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6)
				: digits;
	}

	private static String word(SplittableRandom random) {
		return SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)];
	}

	/**
	 * A report as someone files it by hand while the bench runs: a phone of the data set (so it links like the
	 * imported ones do) and an e-mail address of its own. {@code run} and {@code i} make its title unique.
	 */
	static org.tipx.signals.filing.NewReport singleReport(String run, int i, int reports) {
		SplittableRandom random = new SplittableRandom(31L * i + run.hashCode());
		int r = random.nextInt(reports);
		List<org.tipx.signals.filing.NewReport.NewIndicator> indicators = List.of(
				new org.tipx.signals.filing.NewReport.NewIndicator("phone", phone(r / 8, r % 8, "", random), null, null),
				new org.tipx.signals.filing.NewReport.NewIndicator("email", "single." + run + "." + i + "@example.org",
						null, null));
		return new org.tipx.signals.filing.NewReport("filed by hand " + run + " " + i, null, "TH",
				java.time.Instant.parse("2026-10-01T08:00:00Z"), "SCAM_COMPOUND", "GREEN", null, null, null,
				indicators);
	}
}
