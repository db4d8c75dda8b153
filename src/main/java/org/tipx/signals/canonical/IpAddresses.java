package org.tipx.signals.canonical;

import java.net.InetAddress;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;

import org.tipx.signals.IndicatorType;

/**
 * IPv4 and IPv6 addresses in their standard text (Guava; RFC 5952 for IPv6: lower case, zeros compressed). Addresses
 * of special-purpose ranges (private, loopback, documentation, carrier NAT...) name a machine only inside one network,
 * so they are kept, with the range named, but never link.
 */
final class IpAddresses implements Canonicaliser {

	private static final Pattern V4_WITH_PORT = Pattern.compile("^([0-9.]+):([0-9]{1,5})$");

	private static final Pattern V6_WITH_PORT = Pattern.compile("^\\[([0-9a-fA-F:.]+)](?::([0-9]{1,5}))?$");

	/** Special-purpose ranges from the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and later). */
	private static final List<Range> SPECIAL = List.of(
			new Range("0.0.0.0", 8, "a \"this network\" address (RFC 791)"),
			new Range("10.0.0.0", 8, "a private address (RFC 1918)"),
			new Range("100.64.0.0", 10, "a carrier-grade NAT address, shared by many subscribers (RFC 6598)"),
			new Range("127.0.0.0", 8, "a loopback address, the machine itself (RFC 1122)"),
			new Range("169.254.0.0", 16, "a link-local address (RFC 3927)"),
			new Range("172.16.0.0", 12, "a private address (RFC 1918)"),
			new Range("192.0.0.0", 24, "an IETF protocol address (RFC 6890)"),
			new Range("192.0.2.0", 24, "an address reserved for documentation examples (RFC 5737)"),
			new Range("192.168.0.0", 16, "a private address (RFC 1918)"),
			new Range("198.18.0.0", 15, "a benchmarking address (RFC 2544)"),
			new Range("198.51.100.0", 24, "an address reserved for documentation examples (RFC 5737)"),
			new Range("203.0.113.0", 24, "an address reserved for documentation examples (RFC 5737)"),
			new Range("224.0.0.0", 4, "a multicast group address (RFC 5771)"),
			new Range("240.0.0.0", 4, "a reserved address (RFC 1112)"),
			new Range("::", 128, "the unspecified address (RFC 4291)"),
			new Range("::1", 128, "the loopback address, the machine itself (RFC 4291)"),
			new Range("100::", 64, "a discard-only address (RFC 6666)"),
			new Range("2001:db8::", 32, "an address reserved for documentation examples (RFC 3849)"),
			new Range("fc00::", 7, "a unique local (private) address (RFC 4193)"),
			new Range("fe80::", 10, "a link-local address (RFC 4291)"),
			new Range("ff00::", 8, "a multicast group address (RFC 4291)"));

	@Override
	public IndicatorType type() {
		return IndicatorType.IP;
	}

	@Override
	public Canonical canonicalise(RawIndicator indicator) {
		Trail trail = new Trail(IndicatorType.IP);
		String text = indicator.value();
		String rearmed = Defanged.rearm(text);
		if (!rearmed.equals(text)) {
			trail.step("re-armed the defanged address");
			text = rearmed;
		}
		if (text.contains("/")) {
			return trail.invalid(text, "a network range (CIDR), not one address");
		}
		Matcher v4 = V4_WITH_PORT.matcher(text);
		Matcher v6 = V6_WITH_PORT.matcher(text);
		if (v4.matches()) {
			text = v4.group(1);
			trail.step("removed the port :" + v4.group(2));
		}
		else if (v6.matches()) {
			text = v6.group(1);
			trail.step(v6.group(2) == null ? "removed the brackets" : "removed the brackets and the port :" + v6.group(2));
		}
		int zone = text.indexOf('%');
		if (zone > 0) {
			text = text.substring(0, zone);
			trail.step("removed the zone (%...): it names a network card on one machine");
		}
		if (!InetAddresses.isInetAddress(text)) {
			return trail.invalid(text, text.matches(".*(^|\\.)0[0-9].*")
					? "not an IP address: leading zeros make it ambiguous (octal or decimal?)"
					: "not an IPv4 or IPv6 address");
		}
		InetAddress address = InetAddresses.forString(text);
		String canonical = InetAddresses.toAddrString(address);
		if (text.contains(":") && address.getAddress().length == 4) {
			trail.step("an IPv4 address written in IPv6 form: wrote it as IPv4");
		}
		else if (!canonical.equals(text)) {
			trail.step("wrote it in the standard form (lower case, zeros compressed)");
		}
		trail.detail("version", address.getAddress().length == 4 ? "4" : "6");
		for (Range range : SPECIAL) {
			if (range.contains(address)) {
				trail.detail("range", range.name());
				return trail.invalid(canonical, range.name() + ": it names no one machine on the internet, so it "
						+ "cannot link reports");
			}
		}
		return trail.valid(canonical);
	}

	/** An address block: a network address and the number of leading bits that match. */
	private record Range(byte[] network, int bits, String name) {

		Range(String network, int bits, String name) {
			this(InetAddresses.forString(network).getAddress(), bits, name);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < bits; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}
}
