package org.tipx.bench;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.bitcoinj.base.Base58;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.tipx.shared.CountryCode;
import org.tipx.signals.IndicatorType;
import org.tipx.signals.canonical.RawIndicator;
import org.web3j.crypto.Keys;

/**
 * Identifiers written the ways reporters really type them: local and international phone formats with spaces, dashes
 * and brackets; Gmail addresses with dots and tags; URLs with tracking parameters; Telegram handles as {@code @name},
 * {@code t.me/name} and full links; wallets checksummed, lower-cased or (rarely) mistyped. Deterministic for a seed.
 */
public final class Spellings {

	/** Countries of the region, with a mobile prefix and subscriber length that parse as real mobile numbers. */
	private static final List<Mobile> MOBILES = List.of(new Mobile("ID", "62", "0", "812", 8),
			new Mobile("TH", "66", "0", "81", 7), new Mobile("KH", "855", "0", "12", 6),
			new Mobile("MM", "95", "0", "9250", 6), new Mobile("PH", "63", "0", "917", 7),
			new Mobile("VN", "84", "0", "91", 7), new Mobile("MY", "60", "0", "12", 7),
			new Mobile("LA", "856", "0", "20", 8), new Mobile("CN", "86", "", "138", 8));

	private static final String[] HOSTS = { "jobs-abroad", "asia-career", "easy-work", "bkk-recruit", "kh-hiring",
			"dream-job", "global-staff", "sea-talent" };

	private static final String[] TLDS = { "com", "co.id", "in.th", "com.kh", "net", "xyz", "top", "com.my" };

	private final Random random;

	public Spellings(long seed) {
		this.random = new Random(seed);
	}

	public RawIndicator phone() {
		Mobile m = MOBILES.get(random.nextInt(MOBILES.size()));
		String subscriber = digits(m.subscriberDigits());
		String national = m.prefix() + subscriber;
		CountryCode country = CountryCode.parse("country", m.region());
		String typed = switch (random.nextInt(6)) {
			case 0 -> "+" + m.callingCode() + " " + group(national);
			case 1 -> m.trunk() + national;
			case 2 -> "00" + m.callingCode() + national;
			case 3 -> "+" + m.callingCode() + "-" + national.substring(0, 3) + "-" + national.substring(3);
			case 4 -> "(" + m.trunk() + national.substring(0, 3) + ") " + national.substring(3);
			default -> "+" + m.callingCode() + national;
		};
		return new RawIndicator(IndicatorType.PHONE, typed, null, null, country);
	}

	public RawIndicator email() {
		String user = word() + (random.nextBoolean() ? "." : "") + word() + random.nextInt(100);
		String typed = switch (random.nextInt(4)) {
			case 0 -> user + "@gmail.com";
			case 1 -> user.replace(".", "") + "+job" + random.nextInt(9) + "@googlemail.com";
			case 2 -> user.toUpperCase() + "@" + HOSTS[random.nextInt(HOSTS.length)] + ".com";
			default -> " " + user + "@yahoo.com ";
		};
		return new RawIndicator(IndicatorType.EMAIL, typed, null, null, null);
	}

	public RawIndicator url() {
		String host = HOSTS[random.nextInt(HOSTS.length)] + random.nextInt(500) + "." + TLDS[random.nextInt(TLDS.length)];
		String path = "/apply/" + word() + "?id=" + random.nextInt(10_000);
		String typed = switch (random.nextInt(4)) {
			case 0 -> "https://" + host + path + "&utm_source=facebook&utm_medium=ads&fbclid=IwAR" + digits(12);
			case 1 -> "HTTP://WWW." + host.toUpperCase() + ":80" + path + "#form";
			case 2 -> host + path;
			default -> "https://" + host + path + "&gclid=" + digits(10) + "&lang=en";
		};
		return new RawIndicator(IndicatorType.URL, typed, null, null, null);
	}

	public RawIndicator handle() {
		String name = word() + "_" + word() + random.nextInt(1000);
		String typed = switch (random.nextInt(4)) {
			case 0 -> "@" + name;
			case 1 -> "t.me/" + name;
			case 2 -> "https://t.me/" + name.toUpperCase();
			default -> "https://telegram.me/" + name + "/";
		};
		return new RawIndicator(IndicatorType.MESSAGING_HANDLE, typed, org.tipx.signals.Platform.TELEGRAM, null,
				null);
	}

	public RawIndicator wallet() {
		byte[] hash = new byte[20];
		random.nextBytes(hash);
		String typed = switch (random.nextInt(4)) {
			case 0 -> Keys.toChecksumAddress(HexFormat.of().formatHex(hash));
			case 1 -> "0x" + HexFormat.of().formatHex(hash);
			case 2 -> tron(hash);
			default -> LegacyAddress.fromPubKeyHash(BitcoinNetwork.MAINNET, hash).toString();
		};
		return new RawIndicator(IndicatorType.CRYPTO_ADDRESS, typed, null, null, null);
	}

	/** A workload mix close to what scam reports carry: phones and handles first, then wallets, URLs, e-mails. */
	public RawIndicator mixed() {
		int roll = random.nextInt(100);
		if (roll < 35) {
			return phone();
		}
		if (roll < 55) {
			return handle();
		}
		if (roll < 72) {
			return wallet();
		}
		if (roll < 88) {
			return url();
		}
		return email();
	}

	private static String tron(byte[] hash) {
		byte[] payload = new byte[21];
		payload[0] = 0x41;
		System.arraycopy(hash, 0, payload, 1, 20);
		byte[] checksum = org.bitcoinj.base.Sha256Hash.hashTwice(payload);
		byte[] full = new byte[25];
		System.arraycopy(payload, 0, full, 0, 21);
		System.arraycopy(checksum, 0, full, 21, 4);
		return Base58.encode(full);
	}

	private String word() {
		String[] syllables = { "ka", "ri", "so", "tan", "mee", "lo", "win", "ja", "pra", "nu", "chai", "dee" };
		return syllables[random.nextInt(syllables.length)] + syllables[random.nextInt(syllables.length)];
	}

	private String digits(int n) {
		StringBuilder b = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			b.append((char) ('0' + random.nextInt(10)));
		}
		return b.toString();
	}

	private static String group(String national) {
		return national.substring(0, 3) + " " + national.substring(3, Math.min(7, national.length())) + " "
				+ national.substring(Math.min(7, national.length()));
	}

	private record Mobile(String region, String callingCode, String trunk, String prefix, int subscriberDigits) {
	}
}
