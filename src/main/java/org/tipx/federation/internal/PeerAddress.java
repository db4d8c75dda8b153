package org.tipx.federation.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.tipx.shared.InvalidInputException;

/**
 * Checks a peer's base address: {@code https}, no user, query or fragment, and a host whose every address is public,
 * so an administrator cannot be talked into pointing tipx at its own network. Local testing may allow {@code http} and
 * private addresses (TIPX_PEERS_ALLOW_INSECURE).
 */
record PeerAddress(boolean allowInsecure) {

	/**
	 * The normalised base address (no trailing slash).
	 *
	 * @throws InvalidInputException naming {@code field} and why
	 */
	String check(String field, String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new InvalidInputException(field, "is required: the peer's address, such as https://tipx.example.org");
		}
		URI uri;
		try {
			uri = new URI(baseUrl.strip());
		}
		catch (Exception e) {
			throw new InvalidInputException(field, "is not an address");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
			throw new InvalidInputException(field, "must be an https address");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
				|| uri.getRawFragment() != null) {
			throw new InvalidInputException(field, "must be a plain address: scheme, host, optional port and path");
		}
		if (!allowInsecure) {
			try {
				for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
					if (!isPublic(address)) {
						throw new InvalidInputException(field,
								"resolves to a loopback, private or link-local address, which peers may not use");
					}
				}
			}
			catch (UnknownHostException e) {
				throw new InvalidInputException(field, "names a host that does not resolve");
			}
		}
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	private static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			return (bytes[0] & 0xfe) != 0xfc; // unique local fc00::/7
		}
		return !((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64); // carrier-grade NAT 100.64.0.0/10
	}
}
