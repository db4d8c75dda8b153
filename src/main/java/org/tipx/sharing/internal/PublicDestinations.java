package org.tipx.sharing.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tipx.sharing.HostResolver;
import org.tipx.sharing.OutboundAddresses;

/**
 * The webhooks' address rule offered to other modules: the same {@link AddressLiteral} reading, {@link HostResolver}
 * and {@link RefusedNetworks} as {@link WebhookAddresses}, with the insecure switch chosen by the caller's own
 * setting.
 */
@Component
class PublicDestinations implements OutboundAddresses {

	private final HostResolver resolver;

	PublicDestinations(HostResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public Destination check(URI uri, boolean allowInsecure) throws Refused {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || allowInsecure && scheme.equals("http"))) {
			throw new Refused("must be an absolute https address");
		}
		if (uri.getRawUserInfo() != null) {
			throw new Refused("must not carry a user name or password");
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		if (!allowInsecure && (host.equals("localhost") || host.endsWith(".localhost"))) {
			throw new Refused("must not point at a loopback or private-network address");
		}
		Optional<InetAddress> literal = AddressLiteral.parse(host);
		List<InetAddress> addresses;
		if (literal.isPresent()) {
			addresses = List.of(literal.get());
		}
		else {
			try {
				addresses = List.copyOf(resolver.resolve(host));
			}
			catch (UnknownHostException e) {
				throw new Refused("the host name does not resolve");
			}
			if (addresses.isEmpty()) {
				throw new Refused("the host name does not resolve");
			}
		}
		if (!allowInsecure && addresses.stream().anyMatch(RefusedNetworks::refuses)) {
			throw new Refused("must not point at a loopback or private-network address");
		}
		int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
		return new Destination(uri, host, port, addresses);
	}
}
