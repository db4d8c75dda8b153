package org.tipx.recruitment.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Locale;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;
import org.tipx.sharing.OutboundAddresses;
import org.tipx.sharing.PinnedResolver;

/**
 * Fetches one feed body: the address checked by the webhooks' rule just before connecting and the connection pinned to
 * the addresses checked, connect and read timeouts, no redirects, and at most {@link MonitoringSettings#maxBody()}
 * bytes read (a longer body is refused as a whole, not cut).
 */
@Component
class FeedFetch {

	private final OutboundAddresses addresses;

	private final MonitoringSettings settings;

	FeedFetch(OutboundAddresses addresses, MonitoringSettings settings) {
		this.addresses = addresses;
		this.settings = settings;
	}

	byte[] fetch(String location) throws FeedFailure {
		OutboundAddresses.Destination destination;
		try {
			destination = addresses.check(URI.create(location), settings.allowInsecure());
		}
		catch (OutboundAddresses.Refused refused) {
			throw new FeedFailure("address refused: " + refused.getMessage());
		}
		catch (IllegalArgumentException e) {
			throw new FeedFailure("address refused: not a valid address");
		}
		Timeout connect = Timeout.of(settings.connectTimeout());
		Timeout read = Timeout.of(settings.readTimeout());
		try (CloseableHttpClient client = HttpClients.custom()
				.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
						.setDnsResolver(new PinnedResolver(destination))
						.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
								.setSocketTimeout(read).build())
						.build())
				.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).setRedirectsEnabled(false)
						.build())
				.disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().build()) {
			HttpGet request = new HttpGet(destination.uri());
			request.setHeader("Accept", "application/rss+xml, application/atom+xml, application/json, text/xml, */*");
			HttpHost target = new HttpHost(destination.uri().getScheme().toLowerCase(Locale.ROOT),
					destination.addresses().get(0), destination.host(), destination.port());
			return client.execute(target, request, response -> {
				if (response.getCode() != 200) {
					throw new Answer("the source answered HTTP " + response.getCode());
				}
				if (response.getEntity() == null) {
					throw new Answer("the source answered an empty body");
				}
				if (response.getEntity().getContentLength() > settings.maxBody()) {
					throw new Answer(tooLarge());
				}
				try (InputStream in = response.getEntity().getContent()) {
					byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBody() + 1));
					if (body.length > settings.maxBody()) {
						throw new Answer(tooLarge());
					}
					return body;
				}
			});
		}
		catch (Answer answer) {
			throw new FeedFailure(answer.getMessage());
		}
		catch (ConnectTimeoutException e) {
			throw new FeedFailure("timed out connecting after " + settings.connectTimeout().toSeconds() + " s");
		}
		catch (InterruptedIOException e) {
			throw new FeedFailure("timed out waiting for the answer (read timeout "
					+ settings.readTimeout().toSeconds() + " s)");
		}
		catch (IOException e) {
			throw new FeedFailure("could not be read: " + e.getClass().getSimpleName());
		}
	}

	private String tooLarge() {
		return "the answer is larger than the limit of " + settings.maxBody() / 1024 + " KB";
	}

	/** A refusal decided while reading the answer. */
	private static final class Answer extends IOException {

		Answer(String message) {
			super(message, null);
		}
	}
}
