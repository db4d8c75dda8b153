package org.tipx.cases.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a public request comes from, and its network (/24 for IPv4, /48 for IPv6), for the rate limits. The
 * peer address counts, unless it is one of the configured reverse proxies: then the last address of
 * {@code X-Forwarded-For} that is not a trusted proxy counts (an address the client wrote itself further left is
 * never believed).
 */
public record ClientAddress(InetAddress address) {

	public ClientAddress {
		java.util.Objects.requireNonNull(address, "address");
	}

	/** Where the request comes from, believing {@code forwardedFor} only when the peer is a trusted proxy. */
	public static ClientAddress of(String peer, String forwardedFor, List<String> trustedProxies) {
		InetAddress direct = literal(peer).orElseThrow(() -> new IllegalArgumentException("peer address " + peer));
		Set<InetAddress> trusted = trustedProxies.stream().map(ClientAddress::literal).flatMap(Optional::stream)
				.collect(Collectors.toSet());
		if (!trusted.contains(direct) || forwardedFor == null || forwardedFor.isBlank()) {
			return new ClientAddress(direct);
		}
		List<String> hops = Arrays.asList(forwardedFor.split(","));
		for (int i = hops.size() - 1; i >= 0; i--) {
			Optional<InetAddress> hop = literal(hops.get(i).strip());
			if (hop.isEmpty()) {
				break;
			}
			if (!trusted.contains(hop.get())) {
				return new ClientAddress(hop.get());
			}
		}
		return new ClientAddress(direct);
	}

	/** The address's own key: its bytes. */
	public byte[] key() {
		return address.getAddress();
	}

	/** The network's key: the first 3 bytes of an IPv4 address (/24), the first 6 of an IPv6 address (/48). */
	public byte[] networkKey() {
		byte[] bytes = address.getAddress();
		return Arrays.copyOf(bytes, bytes.length == 4 ? 3 : 6);
	}

	/** Parses an address literal only: a name is never resolved. */
	private static Optional<InetAddress> literal(String text) {
		if (text == null || text.isEmpty() || !text.matches("[0-9A-Fa-f:.\\[\\]]+")
				|| !(text.contains(":") || text.matches("[0-9.]+"))) {
			return Optional.empty();
		}
		String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
		try {
			return Optional.of(InetAddress.getByName(bare));
		}
		catch (UnknownHostException | SecurityException e) {
			return Optional.empty();
		}
	}
}
