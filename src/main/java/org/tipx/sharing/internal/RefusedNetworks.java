package org.tipx.sharing.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The networks a webhook must never reach: this host, private and shared networks, link-local (including the cloud
 * metadata address 169.254.169.254), multicast and reserved space, and the same IPv4 networks embedded in IPv6
 * (IPv4-mapped, IPv4-compatible, NAT64 and 6to4 forms).
 */
final class RefusedNetworks {

	private static final int[][] IPV4 = {
			{ 0x00000000, 8 }, // "this network", 0.0.0.0
			{ 0x0a000000, 8 }, // private 10/8
			{ 0x64400000, 10 }, // carrier-grade NAT 100.64/10
			{ 0x7f000000, 8 }, // loopback
			{ 0xa9fe0000, 16 }, // link-local, cloud metadata
			{ 0xac100000, 12 }, // private 172.16/12
			{ 0xc0000000, 24 }, // IETF protocol assignments
			{ 0xc0a80000, 16 }, // private 192.168/16
			{ 0xc6120000, 15 }, // benchmarking 198.18/15
			{ 0xe0000000, 4 }, // multicast
			{ 0xf0000000, 4 }, // reserved, broadcast
	};

	private RefusedNetworks() {
	}

	static boolean refuses(InetAddress address) {
		if (address instanceof Inet4Address v4) {
			return refusesIpv4(toInt(v4.getAddress()));
		}
		byte[] b = ((Inet6Address) address).getAddress();
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		if ((b[0] & 0xfe) == 0xfc) {
			return true; // unique local fc00::/7
		}
		if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || zero(b, 0, 12)) {
			return refusesIpv4(toInt(Arrays.copyOfRange(b, 12, 16))); // IPv4-mapped and IPv4-compatible
		}
		if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
				&& zero(b, 4, 12)) {
			return refusesIpv4(toInt(Arrays.copyOfRange(b, 12, 16))); // NAT64 64:ff9b::/96
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			return refusesIpv4(toInt(Arrays.copyOfRange(b, 2, 6))); // 6to4 2002::/16
		}
		return false;
	}

	private static boolean refusesIpv4(int address) {
		for (int[] network : IPV4) {
			int mask = -1 << (32 - network[1]);
			if ((address & mask) == network[0]) {
				return true;
			}
		}
		return false;
	}

	private static boolean zero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static int toInt(byte[] b) {
		return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
	}
}
