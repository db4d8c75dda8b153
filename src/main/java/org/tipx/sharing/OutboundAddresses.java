package org.tipx.sharing;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * The webhooks' rule for where tipx may connect on an organisation's say-so, for any module that fetches from or
 * posts to an address someone typed (a webhook, a job feed): the host is read as the network stack reads it or
 * resolved once, every address must be public (no loopback, private, link-local, CGNAT, ULA, multicast or reserved
 * space, also when embedded in IPv6), and the connection must go to the addresses checked, never a second resolution.
 */
public interface OutboundAddresses {

	/**
	 * Checks an absolute http(s) address.
	 *
	 * @param allowInsecure for local testing only: plain http and any address are accepted
	 * @throws Refused with a message safe to show the organisation
	 */
	Destination check(URI uri, boolean allowInsecure) throws Refused;

	/** A checked address: connect to one of {@code addresses}, while TLS and the Host header name {@code host}. */
	record Destination(URI uri, String host, int port, List<InetAddress> addresses) {

		public Destination {
			addresses = List.copyOf(addresses);
		}
	}

	/** The address may not be used; the message says why in words safe to show. */
	final class Refused extends Exception {

		public Refused(String message) {
			super(message, null, false, false);
		}
	}
}
