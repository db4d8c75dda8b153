package org.tipx.sharing.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tipx.shared.InvalidInputException;
import org.tipx.sharing.HostResolver;

/**
 * Decides where a webhook may point. The host is read as the network stack reads it ({@link AddressLiteral}) or
 * resolved by the {@link HostResolver}, and every address it stands for must lie outside the {@link RefusedNetworks}:
 * checked at registration and again before each delivery, which then connects only to the addresses checked (so a
 * name that resolves differently a moment later cannot redirect it). The insecure switch, for local testing only,
 * allows plain http and any address.
 */
@Component
class WebhookAddresses {

	private final HostResolver resolver;

	private final WebhookSettings settings;

	WebhookAddresses(HostResolver resolver, WebhookSettings settings) {
		this.resolver = resolver;
		this.settings = settings;
	}

	/** The address to store for a registration; refusals name the field {@code url}. */
	URI checked(String url) {
		URI uri = syntax(url);
		if (!settings.allowInsecure()) {
			try {
				destination(uri);
			}
			catch (Refused refused) {
				throw new InvalidInputException("url", refused.getMessage());
			}
		}
		return uri;
	}

	/** Where a delivery to this stored address connects: checked now, the addresses pinned for the connection. */
	Destination destination(String url) throws Refused {
		return destination(syntax(url));
	}

	private Destination destination(URI uri) throws Refused {
		String host = host(uri);
		if (!settings.allowInsecure() && (host.equals("localhost") || host.endsWith(".localhost"))) {
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
		if (!settings.allowInsecure() && addresses.stream().anyMatch(RefusedNetworks::refuses)) {
			throw new Refused("must not point at a loopback or private-network address");
		}
		int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
		return new Destination(uri, host, port, addresses);
	}

	private URI syntax(String url) {
		if (url == null || url.isBlank() || url.length() > 2_000) {
			throw new InvalidInputException("url", "is required, an absolute https URL of at most 2,000 characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException e) {
			throw new InvalidInputException("url", "is not a valid URL: " + e.getReason());
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || settings.allowInsecure() && scheme.equals("http"))) {
			throw new InvalidInputException("url", "must be an absolute https URL");
		}
		if (uri.getUserInfo() != null) {
			throw new InvalidInputException("url", "must not carry a user name or password");
		}
		return uri;
	}

	/** The host in lower case, without the root label's trailing dot ({@code localhost.} is {@code localhost}). */
	private static String host(URI uri) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
	}

	/** A checked address: connect to one of {@code addresses}, while TLS and the Host header name {@code host}. */
	record Destination(URI uri, String host, int port, List<InetAddress> addresses) {
	}

	/** The address may not be used; the message is safe to show the organisation's admin. */
	static final class Refused extends Exception {

		Refused(String message) {
			super(message, null, false, false);
		}
	}
}
