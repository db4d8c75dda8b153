package org.tipx.sharing.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import com.google.common.net.InetAddresses;

/**
 * Reads a URL host that is an address, the way the network stack would: IPv6 in brackets, and IPv4 in every form
 * {@code inet_aton} accepts (one to four parts, each decimal, octal with a leading 0, or hex with 0x, the last part
 * filling the remaining bytes), so {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1} and {@code 127.1} are all
 * 127.0.0.1. A host that is not an address answers empty and is resolved as a name.
 */
final class AddressLiteral {

	private AddressLiteral() {
	}

	static Optional<InetAddress> parse(String host) {
		if (host.startsWith("[") && host.endsWith("]")) {
			String inner = host.substring(1, host.length() - 1);
			return InetAddresses.isInetAddress(inner) ? Optional.of(InetAddresses.forString(inner)) : Optional.empty();
		}
		if (host.indexOf(':') >= 0) {
			return InetAddresses.isInetAddress(host) ? Optional.of(InetAddresses.forString(host)) : Optional.empty();
		}
		return ipv4(host);
	}

	private static Optional<InetAddress> ipv4(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length > 4) {
			return Optional.empty();
		}
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			Long value = number(parts[i]);
			if (value == null) {
				return Optional.empty();
			}
			values[i] = value;
		}
		long address = 0;
		for (int i = 0; i < values.length - 1; i++) {
			if (values[i] > 0xff) {
				return Optional.empty();
			}
			address |= values[i] << (24 - 8 * i);
		}
		long last = values[values.length - 1];
		int lastBits = 32 - 8 * (values.length - 1);
		if (last >= 1L << lastBits) {
			return Optional.empty();
		}
		address |= last;
		byte[] bytes = { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
		try {
			return Optional.of(InetAddress.getByAddress(bytes));
		}
		catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** One part as inet_aton reads it, or null if it is not a number (then the host is a name). */
	private static Long number(String part) {
		String lower = part.toLowerCase(java.util.Locale.ROOT);
		int radix = 10;
		String digits = lower;
		if (lower.startsWith("0x")) {
			radix = 16;
			digits = lower.substring(2);
			if (digits.isEmpty()) {
				// inet_aton reads a bare "0x" as zero
				return 0L;
			}
		}
		else if (lower.length() > 1 && lower.startsWith("0")) {
			radix = 8;
			digits = lower.substring(1);
		}
		if (digits.isEmpty() || digits.length() > 11) {
			return null;
		}
		for (char c : digits.toCharArray()) {
			if (Character.digit(c, radix) < 0) {
				return null;
			}
		}
		return Long.parseLong(digits, radix);
	}
}
