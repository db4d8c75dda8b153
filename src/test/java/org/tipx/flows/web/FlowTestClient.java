package org.tipx.flows.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests the shared test client does not make: a YAML body, and a binary answer (a PDF). */
final class FlowTestClient {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private FlowTestClient() {
	}

	record Bytes(int status, String contentType, byte[] body) {
	}

	static Bytes send(int port, String token, String path, String contentType, String body, String accept) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType)
				.header("Accept", accept).header("Authorization", "Bearer " + token).build();
		try {
			HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
