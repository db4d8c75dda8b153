package org.tipx.sharing.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.tipx.shared.InvalidInputException;
import org.tipx.sharing.HostResolver;
import org.tipx.sharing.OutboundAddresses;

/**
 * Decides where a webhook may point. The host is read as the network stack reads it ({@link AddressLiteral}) or
 * resolved by the {@link HostResolver}, and every address it stands for must lie outside the {@link RefusedNetworks}:
 * checked at registration and again before each delivery, which then connects only to the addresses checked (so a
 * name that resolves differently a moment later cannot redirect it). The insecure switch, for local testing only,
 * allows plain http and any address.
 */
@Component
class WebhookAddresses {

	private final PublicDestinations destinations;

	private final WebhookSettings settings;

	WebhookAddresses(HostResolver resolver, WebhookSettings settings) {
		this.destinations = new PublicDestinations(resolver);
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
	OutboundAddresses.Destination destination(String url) throws Refused {
		return destination(syntax(url));
	}

	/** The one outbound address rule (shared with other modules' fetches), with the webhooks' insecure switch. */
	private OutboundAddresses.Destination destination(URI uri) throws Refused {
		try {
			return destinations.check(uri, settings.allowInsecure());
		}
		catch (OutboundAddresses.Refused refused) {
			throw new Refused(refused.getMessage());
		}
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

	/** The address may not be used; the message is safe to show the organisation's admin. */
	static final class Refused extends Exception {

		Refused(String message) {
			super(message, null, false, false);
		}
	}
}
