package org.tipx.sharing;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's name resolution for a checked {@link OutboundAddresses.Destination}: answers only its checked
 * addresses, and only for its host, so the connection goes where the check looked and a second resolution can never
 * redirect it.
 */
public record PinnedResolver(OutboundAddresses.Destination destination) implements DnsResolver {

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		if (!host.equalsIgnoreCase(destination.host())) {
			throw new UnknownHostException(host);
		}
		return destination.addresses().toArray(InetAddress[]::new);
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return resolve(host)[0].getHostAddress();
	}
}
