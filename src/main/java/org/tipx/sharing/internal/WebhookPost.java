package org.tipx.sharing.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;
import org.tipx.sharing.OutboundAddresses;
import org.tipx.sharing.PinnedResolver;

/**
 * One HTTP POST to a checked destination. The connection goes to the address that was checked (the host name is only
 * used for TLS and the Host header, never resolved again), redirects are not followed, and nothing is pooled. Posts
 * still waiting when tipx stops are cut off, so the delivery stays outstanding and is made again after the restart.
 */
@Component
class WebhookPost {

	private final WebhookSettings settings;

	private final Set<CloseableHttpClient> inFlight = ConcurrentHashMap.newKeySet();

	WebhookPost(WebhookSettings settings) {
		this.settings = settings;
	}

	/** Posts the body with the headers and answers the receiver's HTTP status. */
	int post(OutboundAddresses.Destination destination, byte[] body, java.util.Map<String, String> headers)
			throws IOException {
		InetAddress pinned = destination.addresses().get(0);
		Timeout timeout = Timeout.of(settings.timeout());
		try (CloseableHttpClient client = HttpClients.custom()
				.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
						.setDnsResolver(new PinnedResolver(destination))
						.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
								.setSocketTimeout(timeout).build())
						.build())
				.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).setRedirectsEnabled(false)
						.build())
				.disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().build()) {
			inFlight.add(client);
			try {
				HttpPost request = new HttpPost(destination.uri());
				headers.forEach(request::setHeader);
				request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
				HttpHost target = new HttpHost(destination.uri().getScheme().toLowerCase(java.util.Locale.ROOT), pinned,
						destination.host(), destination.port());
				return client.execute(target, request, response -> response.getCode());
			}
			finally {
				inFlight.remove(client);
			}
		}
	}

	@PreDestroy
	void cutOff() {
		inFlight.forEach(client -> client.close(CloseMode.IMMEDIATE));
	}
}
